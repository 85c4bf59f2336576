package org.turnladder.app.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import org.turnladder.ladder.LadderProtocol;

/**
 * The bar above a ladder: a toggle per protocol, the hide and collapse boxes, and "Only: …" with ✕ while the ladder
 * shows one call or TURN session. Every control is bound to the pane's {@link LadderFilters}.
 */
final class FilterBar extends ToolBar {
    FilterBar(LadderFilters filters) {
        getStyleClass().add("filter-bar");
        getItems().add(new Label("Show"));
        for (LadderProtocol p : LadderProtocol.values()) {
            ToggleButton b = new ToggleButton(CapturePane.protocolName(p));
            b.getStyleClass().addAll("protocol-toggle", p.css());
            b.selectedProperty().bindBidirectional(filters.protocol(p));
            b.setTooltip(new Tooltip("Show " + CapturePane.protocolName(p) + " arrows"));
            getItems().add(b);
        }
        getItems().add(new Separator(Orientation.VERTICAL));
        getItems().addAll(box("Hide refreshes", filters.hideRefreshesProperty()),
                box("Hide keep-alives", filters.hideKeepAlivesProperty()),
                box("Hide retransmissions", filters.hideRetransmissionsProperty()),
                box("Collapse repeats", filters.collapseProperty()));
        Label scope = new Label();
        scope.getStyleClass().add("scope-label");
        scope.textProperty().bind(filters.scopeTextProperty().map(s -> "Only: " + s));
        Button clear = new Button("✕");
        clear.setTooltip(new Tooltip("Show every call and session"));
        clear.setOnAction(e -> filters.showAllSessions());
        scope.visibleProperty().bind(filters.scopeTextProperty().isNotNull());
        scope.managedProperty().bind(scope.visibleProperty());
        clear.visibleProperty().bind(scope.visibleProperty());
        clear.managedProperty().bind(scope.visibleProperty());
        getItems().addAll(new Separator(Orientation.VERTICAL), scope, clear);
    }

    private static CheckBox box(String text, javafx.beans.property.BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }
}
