package org.turnladder.app.ui.live;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's questions about a live capture: save it before closing, and where. */
final class UnsavedPrompts {
    private UnsavedPrompts() {
    }

    static UnsavedPrompt.Choice ask(LiveTab tab) {
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        a.initOwner(owner(tab));
        a.setTitle("Unsaved live capture");
        a.setHeaderText("Save the live capture on " + tab.options().interfaceName() + " before closing?");
        a.setContentText("The packets are only in a temporary file, which is deleted when you discard them.");
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        return b == save ? UnsavedPrompt.Choice.SAVE : b == discard ? UnsavedPrompt.Choice.DISCARD
                : UnsavedPrompt.Choice.CANCEL;
    }

    /** A save dialog for pcapng (the default) or pcap; null when cancelled. */
    static Path chooseFile(LiveTab tab) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save live capture");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"),
                new FileChooser.ExtensionFilter("pcap", "*.pcap"));
        fc.setInitialFileName("live-" + tab.options().interfaceName() + ".pcapng");
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            fc.setInitialDirectory(home);
        }
        File f = fc.showSaveDialog(owner(tab));
        if (f == null) {
            return null;
        }
        String name = f.getName().toLowerCase();
        if (name.endsWith(".pcapng") || name.endsWith(".pcap") || name.endsWith(".cap")) {
            return f.toPath();
        }
        String ext = fc.getSelectedExtensionFilter() != null
                && fc.getSelectedExtensionFilter().getDescription().equals("pcap") ? ".pcap" : ".pcapng";
        return f.toPath().resolveSibling(f.getName() + ext);
    }

    static void saveFailed(LiveTab tab, Path target, IOException e) {
        Alert a = new Alert(Alert.AlertType.ERROR, "Could not save to " + target + ": " + e.getMessage());
        a.initOwner(owner(tab));
        a.showAndWait();
    }

    private static Window owner(LiveTab tab) {
        return tab.getTabPane() != null && tab.getTabPane().getScene() != null
                ? tab.getTabPane().getScene().getWindow() : null;
    }
}
