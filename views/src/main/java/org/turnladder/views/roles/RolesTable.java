package org.turnladder.views.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.roles.RoleAssignment;

/**
 * The boxes of the capture: addresses, the detected role with its confidence, and the role and name the user
 * gives. A role chosen in the combo box or a name typed (Enter or leaving the field) is reported at once so the
 * ladder can be rebuilt; choosing "Detected" drops the user's role. The evidence of the selected box shows
 * below the table (and as a tooltip).
 */
public class RolesTable extends BorderPane {
    /** One box as the table shows it. */
    public record Box(RoleAssignment assignment, Role detected, Role chosen, String name) {
    }

    private final TableView<Box> table = new TableView<>();
    private final Label evidence = new Label();
    private Consumer<RoleChoice> onChoice = c -> { };

    public RolesTable() {
        getStyleClass().add("roles-table");
        TableColumn<Box, String> addresses = new TableColumn<>("Addresses");
        addresses.setCellValueFactory(c -> new SimpleStringProperty(String.join(", ",
                c.getValue().assignment().addresses())));
        addresses.setPrefWidth(100);
        TableColumn<Box, String> detected = new TableColumn<>("Detected");
        detected.setCellValueFactory(c -> new SimpleStringProperty(detectedText(c.getValue())));
        detected.setPrefWidth(135);
        TableColumn<Box, Box> role = new TableColumn<>("Role");
        role.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        role.setCellFactory(c -> new RoleCell());
        role.setPrefWidth(125);
        TableColumn<Box, Box> name = new TableColumn<>("Box name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(100);
        table.getColumns().addAll(List.of(addresses, detected, role, name));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No addresses yet"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Box b, boolean empty) {
                super.updateItem(b, empty);
                setTooltip(empty || b == null || b.assignment().evidence().isEmpty() ? null
                        : new Tooltip(String.join("\n", b.assignment().evidence())));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> evidence.setText(evidenceText(b)));
        evidence.setWrapText(true);
        evidence.getStyleClass().add("roles-evidence");
        ScrollPane evidencePane = new ScrollPane(evidence);
        evidencePane.setFitToWidth(true);
        evidencePane.setPrefViewportHeight(110);
        evidence.setText(evidenceText(null));
        setCenter(table);
        setBottom(evidencePane);
    }

    /**
     * Shows the boxes.
     *
     * @param assignments the analysis' roles (with the user's overrides applied)
     * @param detected    the role detection gave each box (by main address) before overrides; missing: same as
     *                    the assignment
     * @param names       box names the user gave, by main address
     */
    public void setBoxes(List<RoleAssignment> assignments, Map<String, Role> detected, Map<String, String> names) {
        List<Box> rows = new ArrayList<>(assignments.size());
        for (RoleAssignment a : assignments) {
            Role d = detected.getOrDefault(a.address(), a.overridden() ? Role.UNKNOWN : a.role());
            rows.add(new Box(a, d, a.overridden() ? a.role() : null, names.get(a.address())));
        }
        int sel = table.getSelectionModel().getSelectedIndex();
        table.setItems(FXCollections.observableArrayList(rows));
        if (sel >= 0 && sel < rows.size()) {
            table.getSelectionModel().select(sel);
        }
    }

    public TableView<Box> table() {
        return table;
    }

    /** Called when the user changes a role or a name. */
    public void setOnChoice(Consumer<RoleChoice> action) {
        onChoice = action == null ? c -> { } : action;
    }

    /** Applies a choice as the controls would (for keyboard-less use and tests). */
    public void choose(RoleChoice c) {
        onChoice.accept(c);
    }

    static String detectedText(Box b) {
        RoleAssignment a = b.assignment();
        if (a.overridden()) {
            return b.detected().label() + " (you: " + a.role().label() + ")";
        }
        return a.role().label() + String.format(Locale.ROOT, " · %.0f%%", a.confidence() * 100);
    }

    static String evidenceText(Box b) {
        if (b == null) {
            return "Select a box to see why it got its role. Change the role or name a box and the ladder follows.";
        }
        List<String> e = b.assignment().evidence();
        return b.assignment().box() + ": " + (e.isEmpty() ? "no evidence" : "\n• " + String.join("\n• ", e));
    }

    /** A combo box of roles, "Detected" first. */
    private final class RoleCell extends TableCell<Box, Box> {
        private final ComboBox<Role> combo = new ComboBox<>();
        private boolean updating;

        RoleCell() {
            List<Role> items = new ArrayList<>();
            items.add(null);
            items.addAll(List.of(Role.values()));
            combo.setItems(FXCollections.observableArrayList(items));
            combo.setButtonCell(new RoleListCell());
            combo.setCellFactory(l -> new RoleListCell());
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.getStyleClass().add("role-combo");
            combo.valueProperty().addListener((o, a, r) -> {
                Box b = getItem();
                if (!updating && b != null && r != b.chosen()) {
                    onChoice.accept(new RoleChoice(b.assignment().address(), r, b.name()));
                }
            });
        }

        @Override
        protected void updateItem(Box b, boolean empty) {
            super.updateItem(b, empty);
            if (empty || b == null) {
                setGraphic(null);
                return;
            }
            updating = true;
            combo.setValue(b.chosen());
            updating = false;
            setGraphic(combo);
        }
    }

    private static final class RoleListCell extends ListCell<Role> {
        @Override
        protected void updateItem(Role r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty ? null : r == null ? "Detected" : r.label());
        }
    }

    /** A text field; Enter or leaving it commits the name. */
    private final class NameCell extends TableCell<Box, Box> {
        private final TextField field = new TextField();

        NameCell() {
            field.setPromptText("name…");
            field.getStyleClass().add("box-name");
            field.setOnAction(e -> commit());
            field.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit();
                }
            });
        }

        private void commit() {
            Box b = getItem();
            if (b == null) {
                return;
            }
            String typed = field.getText() == null || field.getText().isBlank() ? null : field.getText().strip();
            if (!java.util.Objects.equals(typed, b.name())) {
                onChoice.accept(new RoleChoice(b.assignment().address(), b.chosen(), typed));
            }
        }

        @Override
        protected void updateItem(Box b, boolean empty) {
            super.updateItem(b, empty);
            if (empty || b == null) {
                setGraphic(null);
                return;
            }
            field.setText(b.name() == null ? "" : b.name());
            setGraphic(field);
        }
    }
}
