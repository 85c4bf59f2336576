package org.turnladder.app.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.app.ui.TestWindow.fx;
import static org.turnladder.app.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.turnladder.app.ui.MainWindow;
import org.turnladder.app.ui.TestWindow;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.framing.TestStun;
import org.turnladder.ladder.LadderModel;
import org.turnladder.live.CaptureInterface;
import org.turnladder.live.LiveOptions;
import org.turnladder.live.LoopbackCapture;

/**
 * The window's live capture: a real capture on the loopback interface while the test exchanges STUN over UDP
 * (skipped where libpcap is missing or capture is not permitted), and the error paths, which always run.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveCaptureWindowTest {
    private static String loopback;
    private static String cannotCapture;

    private TestWindow shown;
    private MainWindow window;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findLoopbackAndPermission() {
        cannotCapture = LoopbackCapture.whyNot();
        loopback = cannotCapture == null ? LoopbackCapture.name() : null;
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

    @Test
    void aFilterLibpcapRefusesKeepsTheDialogOpenWithTheReason() {
        CaptureInterface lo = new CaptureInterface("lo", "", List.of("127.0.0.1"), true, true, true);
        StartCaptureDialog d = fx(() -> {
            StartCaptureDialog dialog = new StartCaptureDialog(window.scene().getWindow(), List.of(lo));
            dialog.show();
            return dialog;
        });
        assertThat(fx(() -> d.filterField().getText())).isEqualTo(LiveOptions.DEFAULT_FILTER);
        fx(() -> {
            d.filterField().setText("udp port and nonsense");
            ((javafx.scene.control.Button) d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes()
                    .get(0))).fire();
            return null;
        });
        assertThat(fx(d::isShowing)).as("Start with a bad filter does not close the dialog").isTrue();
        assertThat(fx(() -> d.errorLabel().getText())).isNotBlank();
        assertThat(fx(d::getResult)).isNull();
        fx(() -> {
            d.setResult(null);
            d.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
            d.close();
            return null;
        });
        assertThat(window.tabs().getTabs()).as("no capture started").isEmpty();
    }

    @Test
    void aGoodFilterClearsTheReasonAndGivesTheOptions() {
        assumeTrue(cannotCapture == null || !cannotCapture.toLowerCase().contains("libpcap"),
                () -> "libpcap missing: " + cannotCapture);
        CaptureInterface lo = new CaptureInterface("lo", "", List.of("127.0.0.1"), true, true, true);
        StartCaptureDialog d = fx(() -> new StartCaptureDialog(null, List.of(lo)));
        fx(() -> {
            d.filterField().setText("udp port and nonsense");
            return null;
        });
        assertThat(fx(d::validate)).isFalse();
        fx(() -> {
            d.filterField().setText(LiveOptions.ALL_TCP_UDP);
            return null;
        });
        assertThat(fx(() -> d.errorLabel().getText())).isEmpty();
        assertThat(fx(d::validate)).isTrue();
        LiveOptions o = fx(d::options);
        assertThat(o.interfaceName()).isEqualTo("lo");
        assertThat(o.filter()).isEqualTo(LiveOptions.ALL_TCP_UDP);
        assertThat(o.ringFiles()).isZero();
        assertThat(o.snapLength()).isEqualTo(LiveOptions.MAX_SNAPLEN);
        LiveOptions ring = fx(() -> {
            d.ringCheckBox().setSelected(true);
            return d.options();
        });
        assertThat(ring.ringFiles()).as("the ring's default: ten files of 100 MB").isEqualTo(10);
        assertThat(ring.ringFileBytes()).isEqualTo(100_000_000L);
    }

    @Test
    void theDialogOffersTheUpInterfaceThatIsNotLoopbackFirstAndMarksLoopback() {
        CaptureInterface down = new CaptureInterface("eth1", "", List.of(), false, false, false);
        CaptureInterface lo = new CaptureInterface("lo", "", List.of("127.0.0.1"), true, true, true);
        CaptureInterface eth = new CaptureInterface("eth0", "uplink", List.of("192.0.2.2"), false, true, true);
        StartCaptureDialog d = fx(() -> new StartCaptureDialog(null, List.of(down, lo, eth)));
        assertThat(fx(() -> d.interfaceList().getSelectionModel().getSelectedItem())).isEqualTo(eth);
        assertThat(fx(() -> d.interfaceList().getItems())).containsExactly(down, lo, eth);
        assertThat(lo.label()).contains("loopback");
        assertThat(fx(() -> d.options().filter())).isEqualTo(LiveOptions.DEFAULT_FILTER);
    }

    @Test
    void anInterfaceThatDoesNotExistIsShownAsAMessageInTheTab() {
        LiveTab t = fx(() -> window.startLive(LiveOptions.of("no-such-if0").withSpoolDirectory(tmp.resolve("s"))));
        waitUntil(() -> fx(() -> t.error() != null), 10_000);
        String error = fx(t::error);
        assertThat(error).isNotBlank();
        Node shown = fx(() -> t.getContent().lookup("#live-error"));
        assertThat(shown).isInstanceOf(Label.class);
        assertThat(fx(() -> ((Label) shown).getText())).isEqualTo(error);
        assertThat(fx(() -> window.statusBar().getText())).isEqualTo(error);
        assertThat(fx(t::hasUnsaved)).as("nothing captured, nothing to ask about").isFalse();
    }

    @Test
    void aStunExchangeOnLoopbackBuildsTheLadderWhileCapturingAndTheSavedFileHoldsEveryPacket() throws Exception {
        assumeTrue(cannotCapture == null, () -> "live capture is not possible here: " + cannotCapture);
        InetAddress host = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(host, 0));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(host, 0))) {
            server.setSoTimeout(5000);
            LiveOptions options = LiveOptions.of(loopback).withFilter("udp port " + server.getLocalPort())
                    .withSpoolDirectory(tmp.resolve("spool"));
            LiveTab t = fx(() -> window.startLive(options));
            waitUntil(() -> fx(() -> t.capturingProperty().get() || t.error() != null), 10_000);
            assertThat(fx(t::error)).isNull();

            byte[] request = stun(0x0001, 1);
            client.send(new DatagramPacket(request, request.length, server.getLocalSocketAddress()));
            DatagramPacket got = new DatagramPacket(new byte[1500], 1500);
            server.receive(got);
            byte[] response = stun(0x0101, 1);
            server.send(new DatagramPacket(response, response.length, got.getSocketAddress()));

            waitUntil(() -> fx(() -> t.ladder().getModel() != null && t.ladder().getModel().rowCount() >= 2), 5000);
            LadderModel m = fx(() -> t.ladder().getModel());
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < m.rowCount(); i++) {
                labels.add(m.row(i).label());
            }
            assertThat(labels).hasSize(2);
            assertThat(labels.get(0)).containsIgnoringCase("Binding");
            assertThat(labels.get(1)).containsIgnoringCase("Binding");
            assertThat(fx(() -> window.statusBar().getText())).contains("2 packets captured");
            fx(() -> {
                t.ladder().select(1);
                return null;
            });
            assertThat(fx(() -> t.details().message().frame())).isEqualTo(m.row(1).frame());
            byte[] frame = fx(() -> t.details().hexView().getBytes());
            assertThat(frame).as("the hex view shows the captured frame").isNotNull();
            assertThat(java.util.Arrays.copyOfRange(frame, frame.length - response.length, frame.length))
                    .isEqualTo(response);

            assertThat(fx(t::hasUnsaved)).isTrue();
            List<LiveTab> asked = new ArrayList<>();
            fx(() -> {
                t.setUnsavedPrompt(x -> {
                    asked.add(x);
                    return UnsavedPrompt.Choice.CANCEL;
                });
                return null;
            });
            assertThat(fx(window::confirmLiveClose)).as("Cancel keeps the window open").isFalse();
            assertThat(asked).containsExactly(t);
            javafx.event.Event closeTab = new javafx.event.Event(javafx.scene.control.Tab.TAB_CLOSE_REQUEST_EVENT);
            fx(() -> {
                t.getOnCloseRequest().handle(closeTab);
                return null;
            });
            assertThat(closeTab.isConsumed()).as("Cancel keeps the tab").isTrue();
            assertThat(asked).hasSize(2);

            fx(() -> {
                t.stop();
                return null;
            });
            waitUntil(() -> fx(() -> !t.capturingProperty().get()), 5000);
            fx(() -> {
                t.filters().protocol(org.turnladder.ladder.LadderProtocol.STUN).set(false);
                return null;
            });
            waitUntil(() -> fx(() -> t.ladder().getModel().rowCount() == 0), 3000);
            assertThat(fx(() -> window.statusBar().getText())).startsWith("Stopped capture on " + loopback);
            Path saved = tmp.resolve("live.pcapng");
            assertThat(fx(() -> t.saveNow(saved))).isEqualTo(2);
            assertThat(fx(t::hasUnsaved)).isFalse();
            assertThat(fx(window::confirmLiveClose)).as("nothing unsaved: no question").isTrue();
            assertThat(asked).hasSize(2);

            List<byte[]> packets = new ArrayList<>();
            try (PacketSource in = CaptureFiles.open(saved)) {
                for (var p = in.next(); p != null; p = in.next()) {
                    packets.add(p.data());
                }
            }
            assertThat(packets).hasSize(2);
            assertThat(Files.size(saved)).isPositive();
        }
    }

    @Test
    void aFloodOfPacketsRefreshesTheLadderAtMostFourTimesASecondAndLosesNone() throws Exception {
        assumeTrue(cannotCapture == null, () -> "live capture is not possible here: " + cannotCapture);
        int exchanges = 600;
        InetAddress host = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(host, 0));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(host, 0))) {
            LiveOptions options = LiveOptions.of(loopback).withFilter("udp port " + server.getLocalPort())
                    .withSpoolDirectory(tmp.resolve("spool"));
            LiveTab t = fx(() -> window.startLive(options));
            waitUntil(() -> fx(() -> t.capturingProperty().get() || t.error() != null), 10_000);
            assertThat(fx(t::error)).isNull();
            List<Long> refreshes = java.util.Collections.synchronizedList(new ArrayList<>());
            fx(() -> {
                t.filters().collapseProperty().set(false);
                t.ladder().modelProperty().addListener((o, a, b) -> refreshes.add(System.nanoTime()));
                return null;
            });
            long start = System.nanoTime();
            for (int i = 0; i < exchanges; i++) {
                byte[] request = stun(0x0001, i);
                client.send(new DatagramPacket(request, request.length, server.getLocalSocketAddress()));
                byte[] response = stun(0x0101, i);
                server.send(new DatagramPacket(response, response.length, client.getLocalSocketAddress()));
                if (i % 50 == 49) {
                    Thread.sleep(100); // a flood that lasts about a second and a half
                }
            }
            waitUntil(() -> fx(() -> t.ladder().getModel().rowCount() == 2 * exchanges), 10_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(refreshes.size()).as("ladder refreshes in %.1f s", seconds)
                    .isGreaterThan(1)
                    .isLessThanOrEqualTo((int) Math.ceil(seconds * LiveTab.REFRESHES_PER_SECOND) + 2);
            assertThat(fx(() -> t.session().capture().stats().packets())).isEqualTo(2L * exchanges);
        }
    }

    /** A STUN message with only FINGERPRINT. */
    static byte[] stun(int type, int seed) {
        return TestStun.of(type, seed).build();
    }


}
