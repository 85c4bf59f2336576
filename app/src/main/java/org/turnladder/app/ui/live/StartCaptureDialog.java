package org.turnladder.app.ui.live;

import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.turnladder.live.CaptureFilter;
import org.turnladder.live.CaptureInterface;
import org.turnladder.live.LiveCaptureException;
import org.turnladder.live.LiveOptions;

/**
 * Capture ▸ Start…: the interfaces (name, description, addresses, loopback marked), a capture filter prefilled with
 * the job's default (or every TCP/UDP packet), the snap length and an optional ring of files. Start checks the filter
 * with libpcap first and keeps the dialog open with the reason when it does not compile.
 */
public final class StartCaptureDialog extends Dialog<LiveOptions> {
    /** The filter presets offered beside the filter field. */
    static final String DEFAULT_CHOICE = "Calls and TURN (default)";
    static final String ALL_CHOICE = "Everything TCP/UDP";
    static final String CUSTOM_CHOICE = "Custom";

    private final ListView<CaptureInterface> interfaces = new ListView<>();
    private final ComboBox<String> preset = new ComboBox<>();
    private final TextField filter = new TextField(LiveOptions.DEFAULT_FILTER);
    private final Spinner<Integer> snap = new Spinner<>(64, LiveOptions.MAX_SNAPLEN, LiveOptions.MAX_SNAPLEN, 1024);
    private final CheckBox ring = new CheckBox("Ring of files:");
    private final Spinner<Integer> ringFiles = new Spinner<>(2, 1000, 10);
    private final Spinner<Integer> ringMegabytes = new Spinner<>(1, 100_000, 100);
    private final Label error = new Label();
    private final ButtonType start = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

    /**
     * @param available the interfaces to offer (from {@code Interfaces.list()}); the first one that is up and not
     *                  loopback is selected
     */
    public StartCaptureDialog(Window owner, List<CaptureInterface> available) {
        initOwner(owner);
        setTitle("Start live capture");
        setHeaderText("Capture on an interface; the ladder builds as packets arrive.");
        interfaces.getItems().setAll(available);
        interfaces.setPrefHeight(170);
        interfaces.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CaptureInterface i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i.label());
            }
        });
        interfaces.setId("live-interfaces");
        available.stream().filter(i -> i.up() && !i.loopback()).findFirst()
                .or(() -> available.stream().findFirst())
                .ifPresent(i -> interfaces.getSelectionModel().select(i));

        preset.getItems().setAll(DEFAULT_CHOICE, ALL_CHOICE, CUSTOM_CHOICE);
        preset.setValue(DEFAULT_CHOICE);
        preset.setOnAction(e -> {
            if (DEFAULT_CHOICE.equals(preset.getValue())) {
                filter.setText(LiveOptions.DEFAULT_FILTER);
            } else if (ALL_CHOICE.equals(preset.getValue())) {
                filter.setText(LiveOptions.ALL_TCP_UDP);
            }
        });
        filter.textProperty().addListener((o, a, t) -> {
            error.setText("");
            if (!t.equals(LiveOptions.DEFAULT_FILTER) && !t.equals(LiveOptions.ALL_TCP_UDP)) {
                preset.setValue(CUSTOM_CHOICE);
            }
        });
        filter.setId("live-filter");
        filter.setPrefColumnCount(48);
        snap.setEditable(true);
        ringFiles.setEditable(true);
        ringMegabytes.setEditable(true);
        ringFiles.disableProperty().bind(ring.selectedProperty().not());
        ringMegabytes.disableProperty().bind(ring.selectedProperty().not());
        error.setId("live-filter-error");
        error.getStyleClass().add("open-error");
        error.setWrapText(true);
        error.setMaxWidth(720);
        // libpcap's reason runs to two lines: let the row grow instead of clipping it
        error.setMinHeight(Region.USE_PREF_SIZE);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("Interface"), interfaces);
        g.addRow(1, new Label("Capture filter"), new HBox(8, preset, filter));
        g.addRow(2, new Label("Snap length"), new HBox(8, snap, new Label("bytes per packet")));
        g.addRow(3, ring, new HBox(8, ringFiles, new Label("files of"), ringMegabytes,
                new Label("MB (oldest dropped)")));
        g.add(error, 0, 4, 2, 1);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        getDialogPane().lookupButton(start).disableProperty()
                .bind(interfaces.getSelectionModel().selectedItemProperty().isNull());
        getDialogPane().lookupButton(start).addEventFilter(ActionEvent.ACTION, e -> {
            if (!validate()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == start ? options() : null);
    }

    /** Checks the filter with libpcap; shows why not and returns false when it does not compile. */
    boolean validate() {
        try {
            CaptureFilter.check(filter.getText());
            return true;
        } catch (LiveCaptureException e) {
            error.setText(e.getMessage());
            return false;
        }
    }

    /** The options as the dialog stands now. */
    public LiveOptions options() {
        CaptureInterface i = interfaces.getSelectionModel().getSelectedItem();
        LiveOptions o = LiveOptions.of(i.name()).withFilter(filter.getText()).withSnapLength(snap.getValue());
        if (ring.isSelected()) {
            o = o.withRing(ringFiles.getValue(), ringMegabytes.getValue() * 1_000_000L);
        }
        return o;
    }

    public ListView<CaptureInterface> interfaceList() {
        return interfaces;
    }

    public TextField filterField() {
        return filter;
    }

    /** Whether to keep a ring of files instead of one growing file. */
    public CheckBox ringCheckBox() {
        return ring;
    }

    /** Why the filter was refused, empty when it was not. */
    public Label errorLabel() {
        return error;
    }
}
