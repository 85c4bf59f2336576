package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

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
}
