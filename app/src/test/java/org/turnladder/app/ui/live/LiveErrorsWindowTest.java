package org.turnladder.app.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.app.ui.TestWindow.fx;
import static org.turnladder.app.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapNativeException;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.turnladder.app.ui.MainWindow;
import org.turnladder.app.ui.TestWindow;
import org.turnladder.live.CaptureInterface;
import org.turnladder.live.LibpcapSeams;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveCaptureException;
import org.turnladder.live.LiveOptions;

/**
 * What the window shows when live capture fails, and what it tells the user to do: libpcap missing (when listing
 * interfaces and when opening one), no permission, and the interface going away while capturing (a real veth pair,
 * where the test may create one).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveErrorsWindowTest {
    private static final UnsatisfiedLinkError NO_LIBPCAP =
            new UnsatisfiedLinkError("Unable to load library 'pcap': libpcap.so: cannot open shared object file");

    private TestWindow shown;
    private MainWindow window;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        shown = new TestWindow(stage);
        window = shown.window();
    }

    @AfterEach
    void closeWindow() throws Exception {
        shown.close();
    }

    /** A backend whose interfaces are listed by {@code interfaces} and whose captures fail with {@code failure}. */
    private static CaptureBackend failing(Throwable listing, Throwable opening, List<String> known) {
        return new CaptureBackend() {
            @Override
            public List<CaptureInterface> interfaces() throws LiveCaptureException {
                return LibpcapSeams.listFailing(listing);
            }

            @Override
            public LiveCapture open(LiveOptions options) throws IOException {
                return LibpcapSeams.openFailing(options, opening, known);
            }
        };
    }

    private String shownError(LiveTab t) {
        waitUntil(() -> fx(() -> t.error() != null), 10_000);
        Node shown = fx(() -> t.getContent().lookup("#live-error"));
        assertThat(shown).as("the tab shows the reason").isInstanceOf(Label.class);
        String text = fx(() -> ((Label) shown).getText());
        assertThat(text).isEqualTo(fx(t::error));
        assertThat(fx(() -> window.statusBar().getText())).isEqualTo(text);
        return text;
    }

    @Test
    void captureStartWithoutLibpcapShowsATabSayingToInstallIt() {
        fx(() -> {
            window.setCaptureBackend(failing(NO_LIBPCAP, NO_LIBPCAP, null));
            window.startCaptureFromMenu();
            return null;
        });
        LiveTab t = fx(window::selectedLive);
        assertThat(t).as("Capture ▸ Start… opened a tab instead of the dialog").isNotNull();
        assertThat(shownError(t))
                .contains("Unable to load library 'pcap'")
                .contains("install libpcap (Debian/Ubuntu: apt install libpcap0.8; Windows: Npcap; macOS: built in)");
        assertThat(fx(t::hasUnsaved)).isFalse();
    }

    @Test
    void libpcapMissingWhenOpeningTheInterfaceSaysToInstallIt() {
        LiveTab t = fx(() -> {
            window.setCaptureBackend(failing(null, NO_LIBPCAP, null));
            return window.startLive(LiveOptions.of("eth0").withSpoolDirectory(tmp));
        });
        assertThat(shownError(t)).contains("apt install libpcap0.8").contains("Npcap");
        assertThat(fx(() -> t.capturingProperty().get())).isFalse();
        assertThat(fx(t::capturePane)).as("no pane without a capture").isNull();
    }

    @Test
    void noPermissionSaysHowToGrantCaptureRights() {
        LiveTab t = fx(() -> {
            window.setCaptureBackend(failing(null, new PcapNativeException("socket: Operation not permitted", -8),
                    List.of("eth0", "lo")));
            return window.startLive(LiveOptions.of("eth0").withSpoolDirectory(tmp));
        });
        assertThat(shownError(t))
                .contains("eth0")
                .contains("socket: Operation not permitted")
                .contains("sudo setcap cap_net_raw,cap_net_admin=eip")
                .contains("root/administrator");
    }

    @Test
    void anInterfaceRemovedWhileCapturingEndsTheCaptureKeepingTheLadderAndSaysSo() throws Exception {
        String name = "tlgone" + (System.nanoTime() % 10000);
        assumeTrue(ip("link", "add", name, "type", "veth", "peer", "name", name + "p"),
                "cannot create a veth pair here (needs ip and CAP_NET_ADMIN)");
        try {
            assertThat(ip("link", "set", name, "up")).isTrue();
            LiveTab t = fx(() -> window.startLive(LiveOptions.of(name).withFilter("").withSpoolDirectory(tmp)));
            waitUntil(() -> fx(() -> t.capturingProperty().get() || t.error() != null), 10_000);
            assertThat(fx(t::error)).isNull();
            Thread.sleep(300);
            assertThat(ip("link", "del", name)).isTrue();
            waitUntil(() -> fx(() -> !t.capturingProperty().get()), 5000);
            String error = fx(t::error);
            assertThat(error).startsWith("capture on " + name + " stopped: ")
                    .contains("the interface was removed or went down")
                    .contains("the packets captured so far are kept")
                    .contains("start again once it is back");
            Label state = fx(t::stateLabel);
            assertThat(fx(state::isVisible)).isTrue();
            assertThat(fx(() -> state.getScene() == window.scene())).as("the bar is on screen").isTrue();
            assertThat(fx(state::getText)).isEqualTo("Capture ended: " + error);
            assertThat(fx(() -> state.getStyleClass().contains("open-error"))).isTrue();
            assertThat(fx(() -> window.statusBar().getText())).startsWith("Capture ended: " + error);
            assertThat(fx(t::capturePane)).as("the pane stays with what was captured").isNotNull();
            Button stop = fx(t::stopButton);
            assertThat(fx(stop::getText)).isEqualTo("Stop");
            assertThat(fx(stop::isDisabled)).isTrue();
            assertThat(fx(t::getText)).isEqualTo(name + " (stopped)");
        } finally {
            ip("link", "del", name); // normally gone already
        }
    }

    private static boolean ip(String... args) throws InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ip";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }


}
