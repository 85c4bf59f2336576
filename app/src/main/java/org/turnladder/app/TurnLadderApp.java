package org.turnladder.app;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.image.Image;
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
        for (int size : new int[] {16, 32, 48, 64, 256}) {
            var icon = TurnLadderApp.class.getResourceAsStream("icons/turnladder-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
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
