package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.decode.TestCaptures;

/** Column spacing follows the widest label between two lifelines. */
class LadderLayoutTest {
    /** A monospaced stand-in: 7 px per character. */
    private static final TextWidth SEVEN = s -> 7.0 * s.length();

    private static LadderModel ladder(String capture) {
        return LadderModel.build(TestCaptures.decode(TestCaptures.path(capture)), Columns.byHost(), List.of(),
                LadderOptions.showAll());
    }

    @Test
    void everyLabelFitsBetweenTheLifelinesItJoins() {
        LadderModel m = ladder("coturn-rfc6062.pcapng");
        LadderLayout l = LadderLayout.compute(m, SEVEN, SEVEN, TimeMode.RELATIVE);
        for (LadderRow r : m.rows()) {
            double span = Math.abs(l.columnX(r.to()) - l.columnX(r.from()));
            assertThat(span).as(r.toString())
                    .isGreaterThanOrEqualTo(Math.min(LadderLayout.MAX_LABEL, 7.0 * r.label().length()));
        }
        assertThat(l.columnX(0)).isGreaterThan(l.gutter());
        assertThat(l.width()).isGreaterThan(l.columnX(2));
    }

    @Test
    void lifelinesAreAtLeastTheMinimumApartAndOrderedLeftToRight() {
        LadderModel m = ladder("sipp-appsharing-rejected.pcap");
        LadderLayout l = LadderLayout.compute(m, s -> 1.0, s -> 1.0, TimeMode.ABSOLUTE);
        assertThat(l.columnX(1) - l.columnX(0)).isEqualTo(LadderLayout.MIN_GAP);
    }

    @Test
    void rowsMapToYAndBack() {
        LadderModel m = ladder("sipp-appsharing-rejected.pcap");
        LadderLayout l = LadderLayout.compute(m, SEVEN, SEVEN, TimeMode.DELTA);
        assertThat(l.bodyHeight()).isEqualTo(4 * LadderLayout.ROW_HEIGHT);
        assertThat(l.rowAt(l.rowY(3) + 1)).isEqualTo(3);
        assertThat(l.rowAt(l.bodyHeight() + 1)).isEqualTo(-1);
        assertThat(l.rowAt(-1)).isEqualTo(-1);
    }

    @Test
    void aLabelBetweenDistantColumnsSpreadsThemEvenWhenTheNeighboursAreClose() {
        String wide = "x".repeat(60); // 420 px at 7 px a character, more than two minimum gaps
        LadderFeed feed = new BusyLadder().send(0, 1, "a").send(1, 2, "b").send(0, 2, wide).feed();
        LadderModel m = LadderModel.build(feed, Columns.byHost(), List.of(), LadderOptions.showAll());
        LadderLayout l = LadderLayout.compute(m, SEVEN, SEVEN, TimeMode.RELATIVE);
        assertThat(l.columnX(1) - l.columnX(0)).isEqualTo(LadderLayout.MIN_GAP);
        assertThat(l.columnX(2) - l.columnX(0)).isEqualTo(7.0 * 60 + LadderLayout.LABEL_PAD);
    }

    @Test
    void twentyThousandColumnsLayOutInMemoryLinearInTheirNumber() {
        int n = 20_000;
        BusyLadder b = new BusyLadder();
        for (int h = 0; h + 1 < n; h++) {
            b.send(h, h + 1, "hop " + h);
        }
        b.send(0, n - 1, "all the way");
        LadderModel m = LadderModel.build(b.feed(), Columns.byHost(), List.of(),
                LadderOptions.showAll().withColumnsPerRole(0));
        assertThat(m.columns()).hasSize(n);
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        LadderLayout l = LadderLayout.compute(m, SEVEN, SEVEN, TimeMode.RELATIVE);
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        // an n × n matrix of doubles would be 3.2 GB; what is needed is a few hundred bytes per row and column
        assertThat(allocated).isLessThan(1000L * (n + m.rowCount()));
        assertThat(l.columnCount()).isEqualTo(n);
        for (int c = 1; c < n; c++) {
            assertThat(l.columnX(c) - l.columnX(c - 1)).isGreaterThanOrEqualTo(LadderLayout.MIN_GAP);
        }
        assertThat(l.width()).isGreaterThan(l.columnX(n - 1));
    }

    @Test
    void columnsInAWindowAreFoundWithoutLookingAtTheOthers() {
        BusyLadder b = new BusyLadder();
        for (int h = 0; h + 1 < 1000; h++) {
            b.send(h, h + 1, "hop");
        }
        LadderModel m = LadderModel.build(b.feed(), Columns.byHost(), List.of(),
                LadderOptions.showAll().withColumnsPerRole(0));
        LadderLayout l = LadderLayout.compute(m, SEVEN, SEVEN, TimeMode.RELATIVE);
        double left = l.columnX(500) - 10;
        int[] in = l.columnsIn(left, left + 900);
        assertThat(in[0]).isBetween(490, 500);
        assertThat(in[1] - in[0]).isBetween(6, 12); // 900 px hold six lifelines 170 px apart
        for (int c = 0; c < m.columns().size(); c++) {
            boolean reaches = l.columnX(c) + l.headerHalfWidth(c) >= left
                    && l.columnX(c) - l.headerHalfWidth(c) <= left + 900;
            if (reaches) {
                assertThat(c).as("column %d reaches into the window", c).isBetween(in[0], in[1] - 1);
            }
        }
        assertThat(l.columnsIn(l.width() + 1000, l.width() + 2000)).containsExactly(1000, 1000);
        assertThat(l.columnsIn(-2000, -1000)).containsExactly(0, 0);
    }
}
