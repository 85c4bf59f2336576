package org.turnladder.app.ui;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import org.turnladder.app.ui.live.LiveTab;
import org.turnladder.app.ui.live.UnsavedPrompt;

/**
 * The real main window on a test's stage, with preferences of its own so that tests never see one another's (or
 * the user's) remembered roles and recent files. {@link #close()} ends live captures without asking and forgets
 * those preferences.
 */
public final class TestWindow {
    private final Preferences prefs = Preferences.userRoot().node("org/turnladder/test/" + UUID.randomUUID());
    private final MainWindow window;

    /** Call from the test's {@code @Start} method. */
    public TestWindow(Stage stage) {
        window = new MainWindow(stage, prefs);
        stage.show();
    }

    public MainWindow window() {
        return window;
    }

    public Preferences prefs() {
        return prefs;
    }

    /** Call from {@code @AfterEach}: live tabs are discarded unsaved, every tab closes, preferences go. */
    public void close() throws Exception {
        fx(() -> {
            for (var t : List.copyOf(window.tabs().getTabs())) {
                if (t instanceof LiveTab l) {
                    l.setUnsavedPrompt(x -> UnsavedPrompt.Choice.DISCARD);
                    l.dispose();
                }
            }
            window.tabs().getTabs().clear();
            return null;
        });
        prefs.removeNode();
    }

    /** Runs on the JavaFX thread and returns the result (20 s at most). */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Polls every 50 ms until the condition holds; fails after {@code millis}. */
    public static void waitUntil(BooleanSupplier condition, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + millis + " ms");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
