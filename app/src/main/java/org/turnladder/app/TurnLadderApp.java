package org.turnladder.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop window. This issue gives an empty main window; the ladder comes with the GUI issue. */
public class TurnLadderApp extends Application {

    static void launchWith(String[] args) {
        Application.launch(TurnLadderApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        var root = new BorderPane();
        root.setTop(new MenuBar(new Menu("File"), new Menu("View"), new Menu("Help")));
        var file = getParameters().getUnnamed().stream().findFirst().orElse("no capture open");
        root.setCenter(new Label(file));
        stage.setTitle("TurnLadder");
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();
    }
}
