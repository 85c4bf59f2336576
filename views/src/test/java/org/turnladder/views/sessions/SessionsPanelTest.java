package org.turnladder.views.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.calls.Call;
import org.turnladder.analysis.turn.TurnAllocation;
import org.turnladder.decode.TestCaptures;
import org.turnladder.document.CaptureDocument;

/** Calls, TURN allocations with their RFC 6062 connections and the ICE matrix, from real captures. */
@ExtendWith(ApplicationExtension.class)
class SessionsPanelTest {
    private SessionsPanel panel;
    private final List<Long> frames = new ArrayList<>();
    private final List<Object> only = new ArrayList<>();

    static Analysis analysis(String capture) {
        try {
            return CaptureDocument.load(TestCaptures.path(capture), Map.of(), (a, b, c, d) -> { }, () -> false)
                    .analysis();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Start
    void start(Stage stage) {
        panel = new SessionsPanel();
        panel.setOnShowFrame(frames::add);
        panel.setOnOnlyCall(only::add);
        panel.setOnOnlyAllocation(only::add);
        stage.setScene(new Scene(panel, 700, 500));
        stage.show();
    }

    private List<TreeItem<SessionItem>> sections() {
        return panel.tree().getRoot().getChildren();
    }

    @Test
    void anAllocationListsItsRfc6062ConnectionsAndClickingShowsItsFrame(FxRobot robot) {
        robot.interact(() -> panel.setAnalysis(analysis("coturn-rfc6062.pcapng")));
        assertThat(sections()).extracting(s -> s.getValue().text())
                .containsExactly("SIP calls (0)", "TURN allocations (1)", "ICE checks (4 pairs)");
        TreeItem<SessionItem> alloc = sections().get(1).getChildren().get(0);
        assertThat(alloc.getValue().text()).isEqualTo("TURN TCP 127.0.0.3:46369 → 127.0.0.2:3478 · relay "
                + "127.0.0.2:49160 · 2 connections · deallocated");
        assertThat(alloc.getChildren()).extracting(c -> c.getValue().text()).containsExactly(
                "Connect peer=127.0.0.4:52044 cid=0xbcf6d200 · bound (data tcp.stream 2)",
                "ConnectionAttempt peer=127.0.0.4:45227 cid=0x1295d100 · bound (data tcp.stream 4)");
        robot.interact(() -> panel.tree().getSelectionModel().select(alloc.getChildren().get(0)));
        robot.clickOn(".tree-cell.session-ok");
        assertThat(frames).isNotEmpty();
        robot.interact(() -> {
            panel.tree().getSelectionModel().select(alloc);
            panel.onlySelected();
        });
        assertThat(only).hasSize(1).first().isInstanceOf(TurnAllocation.class);
    }

    @Test
    void theIceMatrixShowsEachDirectionWithTicksAndCounts(FxRobot robot) {
        robot.interact(() -> panel.setAnalysis(analysis("libnice-one-way.pcap")));
        TreeItem<SessionItem> ice = sections().get(2);
        assertThat(ice.getChildren()).isNotEmpty();
        TreeItem<SessionItem> pair = ice.getChildren().get(0);
        assertThat(pair.getValue().text()).startsWith("✗ ICE #1 ");
        assertThat(pair.getChildren()).hasSize(2);
        List<String> ways = pair.getChildren().stream().map(c -> c.getValue().text()).toList();
        assertThat(ways).anyMatch(t -> t.contains("  ✗ 0/") && t.contains(" succeeded"));
        assertThat(pair.getValue().state()).isEqualTo("error");
    }

    @Test
    void aCallShowsItsInviteOutcome(FxRobot robot) {
        robot.interact(() -> panel.setAnalysis(analysis("sipp-appsharing-rejected.pcap")));
        TreeItem<SessionItem> call = sections().get(0).getChildren().get(0);
        assertThat(call.getValue().text()).isEqualTo("Call 3f7c9a12e4b84d… · application sharing · 127.0.0.7 → "
                + "127.0.0.8 · 488 Not Acceptable Here");
        assertThat(call.getValue().state()).isEqualTo("error");
        assertThat(call.getChildren().get(0).getValue().text())
                .isEqualTo("INVITE m=applicationsharing (CSeq 1, frame 1) → 488 Not Acceptable Here (frame 3)");
        robot.interact(() -> {
            panel.tree().getSelectionModel().select(call);
            panel.onlySelected();
        });
        assertThat(only).hasSize(1).first().isInstanceOf(Call.class);
    }
}
