package org.turnladder.app.ui;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.controlsfx.control.NotificationPane;
import org.turnladder.document.CaptureDocument;

/**
 * A tab for one capture: while it loads, a progress bar with Cancel; then the {@link CapturePane} (under a warning
 * bar when the file was truncated or something could not be read); or a plain message saying why the file could
 * not be opened.
 */
public final class CaptureTab extends Tab {
    private final Path file;
    private final Path memoryFile;
    private final RoleMemory memory;
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private LoadTask task;
    private CapturePane pane;
    private NotificationPane warningBar;
    private String error;

    /**
     * @param file   the capture to read
     * @param title  what the tab says ("sample" for the bundled capture)
     * @param memory where the user's role choices are kept
     */
    public CaptureTab(Path file, String title, RoleMemory memory) {
        super(title);
        this.file = file;
        this.memoryFile = file;
        this.memory = memory;
        setTooltip(new Tooltip(file.toString()));
        setOnClosed(e -> cancel());
    }

    /** Starts reading on the executor; the tab shows progress until done. */
    public void start(Executor executor) {
        task = new LoadTask(file, memory.choices(memoryFile));
        loading.set(true);
        status.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(task.progressProperty());
        bar.setPrefWidth(360);
        Label what = new Label();
        what.textProperty().bind(task.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> cancel());
        VBox box = new VBox(10, new Label("Opening " + file.getFileName()), bar, what, cancel);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("loading-pane");
        setContent(box);
        task.setOnSucceeded(e -> loaded(task.getValue()));
        task.setOnFailed(e -> failed(ErrorMessages.describe(file, task.getException())));
        task.setOnCancelled(e -> failed("Opening " + file.getFileName() + " was cancelled."));
        executor.execute(task);
    }

    /** Stops loading (nothing happens once loaded). */
    public void cancel() {
        if (task != null && task.isRunning()) {
            task.cancel(false);
        } else if (task != null && !task.isDone()) {
            task.cancel(false);
        }
    }

    private void loaded(LoadedCapture c) {
        unbind();
        pane = new CapturePane(c, memory, memoryFile);
        warningBar = new NotificationPane(pane);
        warningBar.getStyleClass().add("warning-bar");
        warningBar.setShowFromTop(true);
        setContent(warningBar);
        status.bind(pane.statusProperty());
        progress.set(0);
        loading.set(false);
        if (c.content() instanceof CaptureDocument d && !d.warnings().isEmpty()) {
            String text = (d.truncated() ? "This capture is truncated: showing the " + d.frameCount()
                    + " frames that could be read. " : "") + String.join(" · ", d.warnings().stream().limit(3)
                    .toList()) + (d.warnings().size() > 3 ? " · (" + (d.warnings().size() - 3) + " more)" : "");
            warningBar.setText(text);
            // NotificationPane shows only once it is in a scene
            if (warningBar.getScene() != null) {
                warningBar.show();
            } else {
                warningBar.sceneProperty().addListener((o, a, s) -> {
                    if (s != null && !warningBar.isShowing()) {
                        warningBar.show();
                    }
                });
            }
        }
    }

    private void failed(String message) {
        unbind();
        error = message;
        status.set(message);
        progress.set(0);
        loading.set(false);
        Label l = new Label(message);
        l.setWrapText(true);
        l.getStyleClass().add("open-error");
        l.setMaxWidth(700);
        VBox box = new VBox(12, new Label("⚠"), l);
        box.getChildren().get(0).getStyleClass().add("open-error-icon");
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("error-pane");
        setContent(box);
    }

    private void unbind() {
        status.unbind();
        progress.unbind();
    }

    public Path file() {
        return file;
    }

    /** The loaded capture's pane, null while loading or after a failure. */
    public CapturePane capturePane() {
        return pane;
    }

    /** The bar above the capture that shows reading warnings, null until loaded. */
    public NotificationPane warningBar() {
        return warningBar;
    }

    /** Why the file could not be opened, null if it was (or still loads). */
    public String error() {
        return error;
    }

    public LoadTask task() {
        return task;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
