package org.turnladder.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Help ▸ About and Help ▸ Keyboard shortcuts. */
final class Dialogs {
    static final String SHORTCUTS = String.join("\n",
            "Ctrl+O            Open a capture (or drop .pcap/.pcapng/.cap/.gz files on the window)",
            "Ctrl+E            Export the (filtered) ladder as PNG",
            "Ctrl+F            Find text in arrow labels; Enter next, Shift+Enter previous, Esc back",
            "Ctrl+W            Close the capture",
            "Ctrl+Q            Quit",
            "↑ ↓ PgUp PgDn     Move through the ladder's rows",
            "Home End          First / last row",
            "Enter             Open the details of the selected arrow (fields and bytes)",
            "Double click      Same as Enter",
            "Click a field     Highlights its bytes; click a byte to find its field",
            "Click a finding   Selects its first frame in the ladder");

    private Dialogs() {
    }

    static void about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("About TurnLadder");
        a.setHeaderText("TurnLadder");
        a.getDialogPane().setContent(new Label(String.join("\n",
                "A troubleshooter for presentation sharing between Skype for Business and Cisco Meeting Server",
                "through Expressway-E as an RFC 6062 TCP TURN server.",
                "",
                "It draws the ladder of SIP (m=applicationsharing), TURN (Allocate, CreatePermission, Connect,",
                "ConnectionBind) and ICE checks between the boxes, and says what went wrong and how to fix it.",
                "",
                "Java " + System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.version"))));
        a.show();
    }

    static void shortcuts(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        TextArea t = new TextArea(SHORTCUTS);
        t.setEditable(false);
        t.setStyle("-fx-font-family: monospace;");
        t.setPrefColumnCount(84);
        t.setPrefRowCount(12);
        a.getDialogPane().setContent(t);
        a.show();
    }
}
