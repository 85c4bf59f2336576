package org.turnladder.views.ladder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.ladder.Columns;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.ladder.TimeMode;

/**
 * Shows the ladder of test captures in a window, for looking at it (under Xvfb with a screenshot). Arguments:
 * capture names under test-captures/; {@code --repeat N} feeds them N times (a long ladder); {@code --select F}
 * selects frame F; {@code --time absolute|relative|delta}.
 */
public final class LadderDemo {
    private LadderDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            List<String> names = new ArrayList<>();
            int repeat = 1;
            long select = -1;
            TimeMode mode = TimeMode.RELATIVE;
            List<String> a = getParameters().getRaw();
            for (int i = 0; i < a.size(); i++) {
                switch (a.get(i)) {
                    case "--repeat" -> repeat = Integer.parseInt(a.get(++i));
                    case "--select" -> select = Long.parseLong(a.get(++i));
                    case "--time" -> mode = TimeMode.valueOf(a.get(++i).toUpperCase());
                    case "--bench" -> { }
                    default -> names.add(a.get(i));
                }
            }
            List<DecodedMessage> once = new ArrayList<>();
            for (String n : names) {
                once.addAll(TestCaptures.decode(TestCaptures.path(n)));
            }
            List<DecodedMessage> all = new ArrayList<>();
            for (int k = 0; k < repeat; k++) {
                all.addAll(once);
            }
            Columns columns = new RoleColumns(Map.of("127.0.0.7", Role.SKYPE_CLIENT, "127.0.0.8", Role.SKYPE_EDGE,
                    "127.0.0.4", Role.SKYPE_EDGE, "127.0.0.2", Role.EXPRESSWAY_E, "127.0.0.3", Role.CMS), Map.of());
            List<Finding> findings = List.of(new Finding("turn.connect-failed", Severity.ERROR, "Connect failed",
                    "", "", List.of(15L)), new Finding("demo.mark", Severity.INFO, "demo", "", "", List.of(16L)));
            long t0 = System.nanoTime();
            LadderModel model = LadderModel.build(all, columns, findings, LadderOptions.showAll());
            System.out.printf("%d messages, %d rows, built in %d ms%n", all.size(), model.rowCount(),
                    (System.nanoTime() - t0) / 1_000_000);
            LadderView view = new LadderView();
            view.setTimeMode(mode);
            view.setModel(model);
            stage.setScene(new Scene(view, 1380, 880));
            stage.setTitle("TurnLadder ladder demo: " + String.join(", ", names));
            stage.show();
            long frame = select;
            if (frame >= 0) {
                Platform.runLater(() -> view.scrollToFrame(frame));
            }
            view.requestFocus();
            if (a.contains("--bench")) {
                Platform.runLater(() -> bench(view));
            }
        }

        /** Scrolls page by page through the whole ladder and prints the time per step (layout + redraw). */
        private static void bench(LadderView view) {
            int steps = 0;
            long t0 = System.nanoTime();
            int rows = view.getModel().rowCount();
            for (int r = 0; r < rows && steps < 2000; r += view.visibleRowCount() * 25) {
                view.select(r);
                view.layout();
                steps++;
            }
            System.out.printf("%d scroll steps, %.2f ms each%n", steps, (System.nanoTime() - t0) / 1e6 / steps);
        }
    }

    static Path capture(String name) {
        return TestCaptures.path(name);
    }
}
