package org.turnladder.app.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.app.ui.TestWindow.fx;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.turnladder.app.ui.TestWindow.waitUntil;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.turnladder.analysis.Role;
import org.turnladder.app.ui.CapturePane;
import org.turnladder.app.ui.MainWindow;
import org.turnladder.app.ui.TestWindow;
import org.turnladder.app.ui.RoleMemory;
import org.turnladder.decode.TestCaptures;
import org.turnladder.ladder.LadderColumn;
import org.turnladder.ladder.LadderModel;
import org.turnladder.live.CaptureInterface;
import org.turnladder.live.Interfaces;
import org.turnladder.live.LibpcapSeams;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveOptions;
import org.turnladder.views.roles.RoleChoice;

/**
 * A live tab is the same capture pane as a file's: Find, only this call or allocation, role changes (remembered by
 * address), Copy Wireshark filter and the window's PNG export work on it. The packets are the test captures'
 * replayed through libpcap as a capture (skipped where libpcap is missing).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LivePaneTest {
    private static final Path SIP_CALL = TestCaptures.path("sipp-appsharing-accepted-tcp.pcap");
    private static final Path RFC6062 = TestCaptures.path("coturn-rfc6062.pcapng");
    private static String noLibpcap;

    private TestWindow shown;
    private MainWindow window;

    @BeforeAll
    static void needsLibpcap() {
        try {
            Interfaces.libpcapVersion();
        } catch (Exception | LinkageError e) {
            noLibpcap = e.getMessage();
        }
    }

    @Start
    void start(Stage stage) {
        shown = new TestWindow(stage);
        window = shown.window();
    }

    @AfterEach
    void closeWindow() throws Exception {
        shown.close();
    }

    /** A live tab fed with the file's packets; returns once they all show. */
    private CapturePane replay(Path file, String iface) {
        assumeTrue(noLibpcap == null, () -> "libpcap missing: " + noLibpcap);
        LiveTab t = fx(() -> {
            window.setCaptureBackend(new CaptureBackend() {
                @Override
                public List<CaptureInterface> interfaces() {
                    return List.of();
                }

                @Override
                public LiveCapture open(LiveOptions options) throws IOException {
                    return LibpcapSeams.replay(options, file);
                }
            });
            return window.startLive(LiveOptions.of(iface).withFilter(""));
        });
        waitUntil(() -> fx(() -> t.capturePane() != null || t.error() != null), 10_000);
        assertThat(fx(t::error)).isNull();
        waitUntil(() -> fx(() -> !t.capturingProperty().get()), 10_000);
        long messages = fx(() -> (long) t.session().document().messageCount());
        waitUntil(() -> fx(() -> t.ladder().getModel().messageCount() == messages
                && t.capturePane().analysis().ended()), 10_000);
        built(t.capturePane());
        assertThat(fx(window::currentPane)).isSameAs(fx(t::capturePane));
        return fx(t::capturePane);
    }

    private static void built(CapturePane p) {
        try {
            CompletableFuture<Void> f = fx(p::whenBuilt);
            f.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void findOnlyThisCallAndCopyWiresharkFilterWorkOnALiveTab() {
        CapturePane p = replay(SIP_CALL, "sip0");
        int all = fx(() -> p.ladder().getModel().rowCount());
        assertThat(all).isPositive();

        fx(() -> {
            p.findField().setText("200 OK");
            return p.findNext(true);
        });
        int found = fx(() -> p.ladder().getSelectedRow());
        assertThat(fx(() -> p.ladder().getModel().row(found).label())).contains("200 OK");
        assertThat(fx(() -> p.details().message()).frame())
                .isEqualTo(fx(() -> p.ladder().getModel().row(found).frame()));

        fx(() -> {
            p.details().copyFilterButton().getItems().get(0).fire();
            return null;
        });
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString()))
                .isEqualTo("frame.number == " + fx(() -> p.ladder().getModel().row(found).frame()));

        // only this call: the sessions tree's first call
        fx(() -> {
            var tree = p.sessions().tree();
            p.sideTabs().getSelectionModel().select(1);
            tree.getSelectionModel().select(tree.getRoot().getChildren().get(0).getChildren().get(0));
            p.sessions().onlySelected();
            return null;
        });
        built(p);
        LadderModel only = fx(() -> p.ladder().getModel());
        assertThat(only.options().callId()).isNotNull();
        assertThat(only.rows()).isNotEmpty().allMatch(r -> only.options().callId().equals(r.entry().callId()));
        assertThat(fx(() -> p.filters().scopeTextProperty().get())).isNotNull();
        fx(() -> {
            p.filters().showAllSessions();
            return null;
        });
        built(p);
        assertThat(fx(() -> p.ladder().getModel().rowCount())).isEqualTo(all);
    }

    @Test
    void onlyThisAllocationNarrowsALiveLadderToThatTurnSession() {
        CapturePane p = replay(RFC6062, "turn0");
        int all = fx(() -> p.ladder().getModel().rowCount());
        fx(() -> {
            var tree = p.sessions().tree();
            tree.getSelectionModel().select(tree.getRoot().getChildren().get(1).getChildren().get(0));
            p.sessions().onlySelected();
            return null;
        });
        built(p);
        LadderModel only = fx(() -> p.ladder().getModel());
        assertThat(only.options().turnSession()).isGreaterThanOrEqualTo(0);
        assertThat(only.rowCount()).isPositive().isLessThanOrEqualTo(all);
        assertThat(only.rows()).allMatch(r -> r.entry().turnSession() == only.options().turnSession());
    }

    @Test
    void aRoleChangedOnALiveTabRenamesItsColumnAndIsRememberedByAddressForTheNextCapture() throws Exception {
        CapturePane p = replay(SIP_CALL, "sip0");
        assertThat(fx(() -> p.ladder().getModel().columns())).extracting(LadderColumn::title)
                .doesNotContain("Alice's laptop");
        CompletableFuture<Void> done = fx(() -> p.choose(new RoleChoice("127.0.0.7", null, "Alice's laptop")));
        done.get(20, TimeUnit.SECONDS);
        assertThat(fx(() -> p.ladder().getModel().columns())).extracting(LadderColumn::title)
                .contains("Alice's laptop");
        fx(() -> p.choose(new RoleChoice("127.0.0.8", Role.CMS, null))).get(20, TimeUnit.SECONDS);
        assertThat(fx(() -> p.analysis().roles())).anySatisfy(r -> {
            assertThat(r.addresses()).contains("127.0.0.8");
            assertThat(r.role()).isEqualTo(Role.CMS);
        });
        assertThat(new RoleMemory(shown.prefs().node("roles")).choices(Path.of("any other capture")))
                .as("remembered by address").containsKey("127.0.0.7").containsKey("127.0.0.8");

        // a later capture (another interface) starts with them
        CapturePane next = replay(SIP_CALL, "sip1");
        assertThat(fx(() -> next.ladder().getModel().columns())).extracting(LadderColumn::title)
                .contains("Alice's laptop", "CMS");
    }

    @Test
    void exportLadderAsPngDrawsTheLiveLadderAsShown(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        CapturePane p = replay(RFC6062, "turn0");
        Path out = tmp.resolve("live.png");
        Task<Path> task = fx(() -> window.exportLadder(window.currentPane(), out));
        waitUntil(() -> fx(task::isDone), 30_000);
        assertThat(fx(task::getException)).isNull();
        BufferedImage img = ImageIO.read(out.toFile());
        LadderModel m = fx(() -> p.ladder().getModel());
        assertThat(img.getHeight()).isGreaterThan(m.rowCount() * 10);
        assertThat(fx(() -> window.statusBar().getText())).contains("Saved the ladder (" + m.rowCount() + " rows)");
    }
}
