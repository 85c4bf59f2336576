package org.turnladder.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: opens a capture in the real window and measures how long the JavaFX thread is unavailable while it
 * loads and shows (a task posted every 20 ms, its delay recorded). Prints every stall over 100 ms and the longest.
 * Run under Xvfb or a display: {@code OpenStallProbe CAPTURE}.
 */
public final class OpenStallProbe {
    private OpenStallProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get();
        Preferences prefs = Preferences.userRoot().node("org/turnladder/stall-probe");
        long t0 = System.nanoTime();
        CompletableFuture<CaptureTab> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setWidth(1500);
            stage.setHeight(940);
            MainWindow w = new MainWindow(stage, prefs);
            stage.show();
            opened.complete(w.open(List.of(file)).get(0));
        });
        CaptureTab tab = opened.get(20, TimeUnit.SECONDS);
        List<String> stalls = new ArrayList<>();
        long worst = 0;
        long shownAt = -1;
        while (System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(3)) {
            long posted = System.nanoTime();
            AtomicLong ran = new AtomicLong();
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                ran.set(System.nanoTime());
                CapturePane p = tab.capturePane();
                done.complete(p != null && p.ladder().getModel() != null && !p.buildingProperty().get());
            });
            boolean shown = done.get(60, TimeUnit.SECONDS);
            long delay = (ran.get() - posted) / 1_000_000;
            worst = Math.max(worst, delay);
            if (delay > 100) {
                stalls.add(String.format("%.1f s: %d ms", (posted - t0) / 1e9, delay));
            }
            if (shown && shownAt < 0) {
                shownAt = System.nanoTime();
            }
            if (shownAt > 0 && System.nanoTime() - shownAt > TimeUnit.SECONDS.toNanos(3)) {
                break;
            }
            Thread.sleep(20);
        }
        System.out.printf("ladder shown after %.1f s; longest JavaFX stall %d ms; stalls over 100 ms: %s%n",
                (shownAt - t0) / 1e9, worst, stalls);
        prefs.removeNode();
        Platform.exit();
        System.exit(0);
    }
}
