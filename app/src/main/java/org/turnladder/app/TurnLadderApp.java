package org.turnladder.app;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.turnladder.app.ui.MainWindow;

/**
 * The desktop window. Files named on the command line open at start, one tab each; with none, the bundled
 * sample capture opens so there is something to look at.
 */
public class TurnLadderApp extends Application {

    static void launchWith(String[] args) {
        Application.launch(TurnLadderApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(stage, Preferences.userRoot().node("org/turnladder/app"));
        List<Path> files = getParameters().getUnnamed().stream().filter(a -> !a.startsWith("-")).map(Path::of)
                .toList();
        stage.show();
        if (files.isEmpty()) {
            window.openSample();
        } else {
            window.open(files);
        }
    }
}
