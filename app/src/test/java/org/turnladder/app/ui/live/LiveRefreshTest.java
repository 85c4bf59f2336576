package org.turnladder.app.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.app.ui.TestWindow.fx;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.turnladder.app.ui.CapturePane;
import org.turnladder.app.ui.LoadedCapture;
import org.turnladder.app.ui.RoleMemory;
import org.turnladder.capture.RawPacket;
import org.turnladder.document.LiveDocument;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderProtocol;
import org.turnladder.ladder.LadderRow;
import org.turnladder.net.LinkType;
import org.turnladder.net.TestFrames;

/**
 * A running capture's refresh adds rows for the new packets only: the old rows are the very same, the selected
 * arrow and its details stay, and the ladder is the one a full build gives; a filter change builds it whole.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveRefreshTest {
    private final Preferences prefs = Preferences.userRoot().node("org/turnladder/test/" + UUID.randomUUID());
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @Test
    void aRefreshAddsTheNewRowsAndKeepsTheOldOnesAndTheSelection() throws Exception {
        LiveDocument doc = new LiveDocument("test0", Map.of());
        long frame = feed(doc, 0, 0, 200);
        LoadedCapture loaded = LoadedCapture.of(doc, Map.of());
        CapturePane p = fx(() -> {
            CapturePane pane = new CapturePane(loaded, new RoleMemory(prefs), Path.of("live"));
            stage.setScene(new Scene(pane, 1200, 800));
            stage.show();
            return pane;
        });
        LadderModel before = fx(() -> p.ladder().getModel());
        assertThat(before.rowCount()).isEqualTo(400);
        fx(() -> {
            p.findField().setText("allocate");
            p.ladder().select(10);
            return null;
        });
        assertThat(findCount(p)).isEqualTo(before.find("allocate").size() + " matches");
        LadderRow selected = before.row(10);
        assertThat(fx(() -> p.details().message()).frame()).isEqualTo(selected.frame());

        feed(doc, frame, 200, 100);
        fx(p::refresh).get(20, TimeUnit.SECONDS);

        LadderModel after = fx(() -> p.ladder().getModel());
        assertThat(after.messageCount()).isEqualTo(600);
        assertThat(after.reusedRowCount()).as("old rows taken over").isPositive();
        assertThat(after.row(10)).isSameAs(selected);
        assertThat(fx(() -> p.ladder().getSelectedRow())).isEqualTo(10);
        assertThat(fx(() -> p.details().message()).frame()).isEqualTo(selected.frame());
        assertThat(findCount(p)).as("Find counts the old rows and the new")
                .isEqualTo(after.find("allocate").size() + " matches").isNotEqualTo(before.find("allocate").size()
                        + " matches");
        fx(p::rebuild).get(20, TimeUnit.SECONDS); // the same ladder built whole
        LadderModel whole = fx(() -> p.ladder().getModel());
        assertThat(whole.reusedRowCount()).isZero();
        assertThat(after.rows()).extracting(LadderRow::toString)
                .containsExactlyElementsOf(whole.rows().stream().map(LadderRow::toString).toList());
        assertThat(after.columns()).isEqualTo(whole.columns());

        fx(() -> {
            p.filters().protocol(LadderProtocol.TURN).set(false);
            return null;
        });
        fx(p::whenBuilt).get(20, TimeUnit.SECONDS);
        LadderModel filtered = fx(() -> p.ladder().getModel());
        assertThat(filtered.reusedRowCount()).as("a filter change builds the whole ladder").isZero();
        assertThat(filtered.rows()).noneMatch(r -> r.style().protocol() == LadderProtocol.TURN);
        fx(() -> {
            stage.hide();
            return null;
        });
        prefs.removeNode();
    }

    private static String findCount(CapturePane p) {
        return fx(p::findCountText);
    }

    /** {@code n} STUN exchanges (Allocate every fourth, else Binding) of 40 clients with one server. */
    private static long feed(LiveDocument doc, long frame, int first, int n) {
        for (int i = first; i < first + n; i++) {
            int c = i % 40;
            String client = "10.0.0." + (c + 1);
            boolean allocate = i % 4 == 0;
            long t = 1_700_000_000_000_000_000L + i * 1_000_000L;
            doc.packet(packet(++frame, t, client, 50000 + c, "203.0.113.10", 3478, stun(allocate ? 0x0003 : 0x0001, i)));
            doc.packet(packet(++frame, t + 300_000, "203.0.113.10", 3478, client, 50000 + c,
                    stun(allocate ? 0x0103 : 0x0101, i)));
        }
        return frame;
    }

    private static RawPacket packet(long frame, long nanos, String src, int sport, String dst, int dport,
                                    byte[] payload) {
        byte[] ip = TestFrames.ipv4(src, dst, 17, TestFrames.udp(sport, dport, payload));
        return new RawPacket(frame, nanos, LinkType.RAW, ip.length, ip);
    }

    private static byte[] stun(int type, int id) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putShort((short) type).putShort((short) 0).putInt(0x2112A442).putInt(0x5a5a5a5a).putInt(id).putInt(~id);
        return b.array();
    }
}
