package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A layout extended from the layout of an earlier ladder of the same feed places everything where laying out the
 * grown ladder afresh does, measuring only the rows after the earlier ladder's settled ones.
 */
class LadderLayoutExtendTest {
    private static final TextWidth LABELS = s -> s.length() * 6.5;
    private static final TextWidth HEADERS = s -> s.length() * 7.5;

    @Test
    void anExtendedLayoutEqualsOneComputedAfresh() {
        Random rnd = new Random(42);
        for (int round = 0; round < 40; round++) {
            LadderExtendTest.Synthetic feed = LadderExtendTest.Synthetic.random(rnd, 100 + rnd.nextInt(300));
            LadderOptions o = round % 2 == 0 ? LadderOptions.defaults() : LadderOptions.showAll();
            Columns columns = round % 3 == 0 ? Columns.byHost() : feed.roles(rnd);
            LadderModel m = null;
            LadderLayout l = null;
            int n = feed.entries.size();
            for (int cut : new int[] {rnd.nextInt(n / 3), n / 3 + rnd.nextInt(n / 3), n - rnd.nextInt(5), n}) {
                m = LadderModel.extend(m, feed.snapshot(cut), columns, List.of(), o);
                TimeMode mode = cut % 2 == 0 ? TimeMode.RELATIVE : TimeMode.DELTA;
                l = LadderLayout.extend(l, m, LABELS, HEADERS, mode);
                assertSameLayout(l, LadderLayout.compute(m, LABELS, HEADERS, mode));
            }
        }
    }

    @Test
    void aGrownLadderMeasuresOnlyItsNewRows() {
        LadderExtendTest.Synthetic feed = LadderExtendTest.Synthetic.random(new Random(7), 1000);
        LadderModel before = LadderModel.build(feed.snapshot(500), Columns.byHost(), List.of(),
                LadderOptions.showAll());
        LadderLayout first = LadderLayout.compute(before, LABELS, HEADERS, TimeMode.RELATIVE);
        LadderModel after = LadderModel.extend(before, feed.snapshot(1000), Columns.byHost(), List.of(),
                LadderOptions.showAll());
        java.util.Set<String> measured = new java.util.HashSet<>();
        TextWidth recording = t -> {
            measured.add(t);
            return LABELS.of(t);
        };
        LadderLayout.extend(first, after, recording, HEADERS, TimeMode.RELATIVE);
        java.util.Set<String> oldOnly = new java.util.HashSet<>();
        after.rows().subList(0, 500).forEach(r -> oldOnly.add(r.label()));
        after.rows().subList(500, 1000).forEach(r -> oldOnly.remove(r.label()));
        assertThat(oldOnly).isNotEmpty(); // labels a full layout would measure
        assertThat(measured).doesNotContainAnyElementsOf(oldOnly);
    }

    @Test
    void aLayoutOfAnotherLadderIsNotExtended() {
        Random rnd = new Random(8);
        LadderExtendTest.Synthetic one = LadderExtendTest.Synthetic.random(rnd, 200);
        LadderExtendTest.Synthetic other = LadderExtendTest.Synthetic.random(rnd, 300);
        LadderModel a = LadderModel.build(one.snapshot(200), Columns.byHost(), List.of(), LadderOptions.showAll());
        LadderModel b = LadderModel.build(other.snapshot(300), Columns.byHost(), List.of(), LadderOptions.showAll());
        LadderLayout la = LadderLayout.compute(a, LABELS, HEADERS, TimeMode.RELATIVE);
        assertSameLayout(LadderLayout.extend(la, b, LABELS, HEADERS, TimeMode.RELATIVE),
                LadderLayout.compute(b, LABELS, HEADERS, TimeMode.RELATIVE));
    }

    private static void assertSameLayout(LadderLayout actual, LadderLayout expected) {
        assertThat(actual.columnCount()).isEqualTo(expected.columnCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            assertThat(actual.columnX(c)).as("column %d", c).isEqualTo(expected.columnX(c));
            assertThat(actual.headerHalfWidth(c)).isEqualTo(expected.headerHalfWidth(c));
        }
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.bodyHeight()).isEqualTo(expected.bodyHeight());
        assertThat(actual.timeWidth()).isEqualTo(expected.timeWidth());
        assertThat(actual.frameWidth()).isEqualTo(expected.frameWidth());
    }
}
