package org.turnladder.app.ui.live;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.turnladder.app.ui.MainWindow;
import org.turnladder.framing.TestStun;
import org.turnladder.live.LiveOptions;
import org.turnladder.live.LoopbackCapture;

/**
 * Not a test: the real window with a live capture on loopback while STUN and TURN exchanges run, written as a PNG
 * (argument: the file) for a person to look at. Run under Xvfb (or a display) as a user allowed to capture.
 */
public final class LiveScreenshot {
    private LiveScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "live.png");
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get();
        InetAddress host = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(host, 3478));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(host, 0))) {
            Preferences prefs = Preferences.userRoot().node("org/turnladder/screenshot");
            LiveTab tab = fx(() -> {
                Stage stage = new Stage();
                MainWindow w = new MainWindow(stage, prefs);
                stage.show();
                return w.startLive(LiveOptions.of(LoopbackCapture.name()).withFilter("udp port 3478"));
            });
            for (int i = 0; i < 50 && !fx(() -> tab.capturingProperty().get() || tab.error() != null); i++) {
                Thread.sleep(100);
            }
            for (int i = 0; i < 12; i++) {
                int[][] pairs = i % 3 == 0 ? new int[][] {{TestStun.ALLOCATE_REQUEST, TestStun.ALLOCATE_SUCCESS}}
                        : new int[][] {{TestStun.BINDING_REQUEST, TestStun.BINDING_SUCCESS}};
                for (int[] p : pairs) {
                    byte[] req = TestStun.of(p[0], i).build();
                    client.send(new DatagramPacket(req, req.length, server.getLocalSocketAddress()));
                    byte[] resp = i == 9 ? TestStun.of(0x0113, i).errorCode(486, "Allocation Quota Reached").build()
                            : TestStun.of(p[1], i).build();
                    server.send(new DatagramPacket(resp, resp.length, client.getLocalSocketAddress()));
                }
                Thread.sleep(150);
            }
            Thread.sleep(1500);
            fx(() -> {
                tab.capturePane().findField().setText("Allocate");
                tab.capturePane().findNext(true);
                return null;
            });
            Thread.sleep(800);
            WritableImage img = fx(() -> tab.getTabPane().getScene().snapshot(null));
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            java.awt.image.BufferedImage b = new java.awt.image.BufferedImage(w, h,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            int[] argb = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0,
                    w);
            b.setRGB(0, 0, w, h, argb, 0, w);
            ImageIO.write(b, "png", out.toFile());
            fx(() -> {
                tab.setUnsavedPrompt(x -> UnsavedPrompt.Choice.DISCARD);
                tab.dispose();
                return null;
            });
            prefs.removeNode();
        }
        Platform.exit();
        System.exit(0);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
