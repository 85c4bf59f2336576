package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One thread appends, others read what was published, without a lock; prefixes stay as they were taken. */
class GrowingListTest {

    @Test
    void aPrefixKeepsItsElementsWhileTheListGrows() {
        GrowingList<Integer> list = new GrowingList<>();
        for (int i = 0; i < 10_000; i++) {
            list.add(i);
        }
        List<Integer> prefix = list.prefix(5000);
        for (int i = 10_000; i < 100_000; i++) {
            list.add(i);
        }
        assertThat(prefix).hasSize(5000);
        assertThat(prefix.get(4999)).isEqualTo(4999);
        assertThatThrownBy(() -> prefix.get(5000)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(list).hasSize(100_000);
        assertThat(list.get(99_999)).isEqualTo(99_999);
        assertThat(list.snapshot().subList(4998, 5002)).containsExactly(4998, 4999, 5000, 5001);
    }

    @Test
    void readersOnOtherThreadsSeeEveryPublishedElement() throws Exception {
        GrowingList<Integer> list = new GrowingList<>();
        int total = 2_000_000;
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            int checked = 0;
            while (checked < total && problem.get() == null) {
                List<Integer> now = list.snapshot();
                for (int i = checked; i < now.size(); i++) {
                    Integer v = now.get(i);
                    if (v == null || v != i) {
                        problem.set("element " + i + " read as " + v);
                        return;
                    }
                }
                checked = now.size();
                if (checked > 0 && list.get(checked - 1) != checked - 1) {
                    problem.set("get " + (checked - 1));
                }
            }
        });
        reader.start();
        for (int i = 0; i < total; i++) {
            list.add(i);
        }
        reader.join(30_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(problem.get()).isNull();
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> new GrowingList<String>().add(null)).isInstanceOf(NullPointerException.class);
    }
}
