package org.turnladder.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.turnladder.app.ui.live.CaptureBackend;
import org.turnladder.app.ui.live.LiveTab;
import org.turnladder.app.ui.live.StartCaptureDialog;
import org.turnladder.live.CaptureInterface;
import org.turnladder.live.LiveCaptureException;
import org.turnladder.live.LiveOptions;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.TimeMode;
import org.turnladder.views.export.LadderPngExporter;

/**
 * The main window: menus, toolbar, one tab per capture, a status bar with progress. Captures open from
 * File ▸ Open, Open Recent, the command line, or by dropping files anywhere on the window; each is read in the
 * background (one at a time, the window stays responsive) and can be cancelled.
 */
public final class MainWindow {
    private final Stage stage;
    private final RecentFiles recent;
    private final RoleMemory memory;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final StatusBar statusBar = new StatusBar();
    private final Button cancel = new Button("Cancel");
    private final Menu recentMenu = new Menu("Open Recent");
    private final ObjectProperty<TimeMode> timeMode = new SimpleObjectProperty<>(this, "timeMode", TimeMode.RELATIVE);
    private final FilterMenuItems filterItems = new FilterMenuItems();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> daemon(r, "turnladder-load"));
    private final ExecutorService exporter = Executors.newSingleThreadExecutor(r -> daemon(r, "turnladder-export"));
    private final Scene scene;
    private CaptureBackend captureBackend = CaptureBackend.LIBPCAP;
    private ObjectProperty<TimeMode> boundTime;

    /**
     * @param prefs where recent files and role choices are kept (the app's user preferences; tests pass their
     *              own node)
     */
    public MainWindow(Stage stage, Preferences prefs) {
        this.stage = stage;
        this.recent = new RecentFiles(prefs.node("recent"));
        this.memory = new RoleMemory(prefs.node("roles"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getStyleClass().add("capture-tabs");
        Label empty = new Label("Drop a capture here (.pcap, .pcapng, .cap, .gz) or use File ▸ Open (Ctrl+O)");
        empty.getStyleClass().add("empty-hint");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
        StackPane centre = new StackPane(tabs, empty);
        VBox top = new VBox(menuBar(), toolBar());
        root.setTop(top);
        root.setCenter(centre);
        root.setBottom(statusBar);
        root.getStyleClass().add("main-window");
        statusBar.setText("Ready");
        cancel.setOnAction(e -> {
            if (selected() != null) {
                selected().cancel();
            }
        });
        cancel.setVisible(false);
        statusBar.getRightItems().add(cancel);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> selectionChanged());
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1500, screen.getWidth()), Math.min(940, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/org/turnladder/views/views.css").toExternalForm());
        scene.addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        scene.addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
        stage.setScene(scene);
        stage.setTitle("TurnLadder");
        stage.setOnHidden(e -> shutdown());
        stage.setOnCloseRequest(e -> {
            if (!confirmLiveClose()) {
                e.consume();
            }
        });
        refreshRecent();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open…", "Shortcut+O", this::chooseAndOpen);
        MenuItem export = item("Export Ladder as PNG…", "Shortcut+E", this::chooseAndExport);
        MenuItem close = item("Close", "Shortcut+W", () -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (t != null && (!(t instanceof LiveTab l) || l.confirmClose())) {
                tabs.getTabs().remove(t);
                if (t.getOnClosed() != null) {
                    t.getOnClosed().handle(null);
                }
            }
        });
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (confirmLiveClose()) {
                stage.close();
            }
        });
        MenuItem saveCapture = item("Save Capture As…", "Shortcut+S", this::saveLiveCapture);
        Menu file = new Menu("File", null, open, recentMenu, new SeparatorMenuItem(), saveCapture, export,
                new SeparatorMenuItem(), close, quit);
        Menu capture = new Menu("Capture", null, item("Start…", "Shortcut+K", this::chooseAndCapture),
                item("Stop", "Shortcut+.", this::stopLiveCapture), new SeparatorMenuItem(),
                item("Save Capture As…", null, this::saveLiveCapture));

        Menu time = new Menu("Time");
        ToggleGroup group = new ToggleGroup();
        for (TimeMode m : TimeMode.values()) {
            RadioMenuItem r = new RadioMenuItem(timeName(m));
            r.setToggleGroup(group);
            r.setSelected(m == timeMode.get());
            r.setOnAction(e -> timeMode.set(m));
            timeMode.addListener((o, a, b) -> r.setSelected(b == m));
            time.getItems().add(r);
        }
        Menu view = new Menu("View", null, time, new SeparatorMenuItem());
        view.getItems().addAll(filterItems.protocolItems());
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().addAll(filterItems.otherItems());
        view.getItems().addAll(new SeparatorMenuItem(),
                item("Show All Sessions", null, () -> onPane(p -> p.filters().showAllSessions())),
                item("Reset Filters", null, () -> onPane(p -> p.filters().reset())),
                new SeparatorMenuItem(),
                item("Find…", "Shortcut+F", () -> onPane(CapturePane::focusFind)),
                item("Find Next", "F3", () -> onPane(p -> p.findNext(true))),
                item("Details of Selected Arrow", null, () -> onPane(CapturePane::focusDetails)));
        Menu help = new Menu("Help", null,
                item("Keyboard Shortcuts", "F1", () -> Dialogs.shortcuts(stage)),
                item("About TurnLadder", null, () -> Dialogs.about(stage)));
        MenuBar bar = new MenuBar(file, capture, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        Button open = new Button("Open…");
        open.setTooltip(new Tooltip("Open a capture (Ctrl+O) — or drop files on the window"));
        open.setOnAction(e -> chooseAndOpen());
        Button export = new Button("Export PNG…");
        export.setTooltip(new Tooltip("Export the whole filtered ladder as a PNG (Ctrl+E)"));
        export.setOnAction(e -> chooseAndExport());
        ToggleGroup group = new ToggleGroup();
        ToolBar bar = new ToolBar(open, export, new Separator(Orientation.VERTICAL), new Label("Time"));
        for (TimeMode m : TimeMode.values()) {
            ToggleButton b = new ToggleButton(timeName(m));
            b.setToggleGroup(group);
            b.setSelected(m == timeMode.get());
            b.setOnAction(e -> {
                timeMode.set(m);
                b.setSelected(true);
            });
            timeMode.addListener((o, a, v) -> b.setSelected(v == m));
            b.getStyleClass().add("time-toggle");
            bar.getItems().add(b);
        }
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    static String timeName(TimeMode m) {
        return switch (m) {
            case ABSOLUTE -> "Absolute";
            case RELATIVE -> "Relative";
            case DELTA -> "Delta";
        };
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accel != null) {
            i.setAccelerator(KeyCombination.keyCombination(accel));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private void onPane(java.util.function.Consumer<CapturePane> action) {
        CapturePane p = currentPane();
        if (p != null) {
            action.accept(p);
        }
    }

    /** The selected tab's capture pane (a loaded file or a started live capture), null if there is none. */
    public CapturePane currentPane() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t instanceof CaptureTab c) {
            return c.capturePane();
        }
        return t instanceof LiveTab l ? l.capturePane() : null;
    }

    public Scene scene() {
        return scene;
    }

    public TabPane tabs() {
        return tabs;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public ObjectProperty<TimeMode> timeModeProperty() {
        return timeMode;
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    /** The selected capture tab, null if none. */
    public CaptureTab selected() {
        return tabs.getSelectionModel().getSelectedItem() instanceof CaptureTab c ? c : null;
    }

    /** Opens captures, one tab each (the last one selected). */
    public List<CaptureTab> open(List<Path> files) {
        List<CaptureTab> out = new ArrayList<>(files.size());
        for (Path f : files) {
            CaptureTab t = new CaptureTab(f, f.getFileName().toString(), memory);
            out.add(add(t));
            recent.add(f);
        }
        refreshRecent();
        return out;
    }

    /** Opens the capture bundled with the app, in a tab that says "sample". */
    public CaptureTab openSample() {
        try {
            Path p = SampleCapture.extract();
            return add(new CaptureTab(p, "sample · " + SampleCapture.NAME, memory));
        } catch (IOException e) {
            statusBar.setText(e.getMessage());
            return null;
        }
    }

    private CaptureTab add(CaptureTab t) {
        t.progressProperty().addListener((o, a, b) -> {
            if (t == selected()) {
                selectionChanged();
            }
        });
        t.loadingProperty().addListener((o, a, b) -> {
            if (t == selected()) {
                selectionChanged();
            }
        });
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
        t.start(loader);
        return t;
    }

    /** Points the status bar, the Cancel button and the View menu's filters at the selected tab. */
    private void selectionChanged() {
        CaptureTab t = selected();
        statusBar.textProperty().unbind();
        statusBar.progressProperty().unbind();
        if (selectedLive() != null) {
            statusBar.textProperty().bind(selectedLive().statusProperty());
            statusBar.setProgress(0);
            cancel.setVisible(false);
            rebindFilters(selectedLive().capturePane());
            return;
        }
        if (t == null) {
            statusBar.setText("Ready");
            statusBar.setProgress(0);
            cancel.setVisible(false);
            rebindFilters(null);
            return;
        }
        statusBar.textProperty().bind(t.statusProperty());
        if (t.loadingProperty().get()) {
            statusBar.progressProperty().bind(t.progressProperty());
        } else {
            statusBar.setProgress(0);
        }
        cancel.setVisible(t.loadingProperty().get());
        rebindFilters(t.capturePane());
    }

    private void rebindFilters(CapturePane p) {
        rebindFilters(p == null ? null : p.filters(), p == null ? null : p.timeModeProperty());
    }

    /** The View menu's filters and the Time mode now drive these (a file's pane or a live tab). */
    private void rebindFilters(LadderFilters f, ObjectProperty<TimeMode> time) {
        filterItems.bind(f);
        if (boundTime != null && boundTime != time) {
            boundTime.unbind();
        }
        boundTime = time;
        if (time != null) {
            time.bind(timeMode);
        }
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem i = new MenuItem(p.toString());
            i.setOnAction(e -> open(List.of(p)));
            recentMenu.getItems().add(i);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            recentMenu.getItems().addAll(new SeparatorMenuItem(), item("Clear Recent", null, () -> {
                recent.clear();
                refreshRecent();
            }));
        }
    }

    private void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open capture");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures (*.pcap, *.pcapng, *.cap, *.gz)", "*.pcap", "*.pcapng",
                        "*.cap", "*.gz", "*.PCAP", "*.PCAPNG"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<Path> r = recent.list();
        if (!r.isEmpty() && r.get(0).getParent() != null && r.get(0).getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(r.get(0).getParent().toFile());
        }
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            open(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseAndExport() {
        CapturePane pane = currentPane();
        if (pane == null) {
            statusBar.textProperty().unbind();
            statusBar.setText("Open a capture first: there is no ladder to export.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export ladder as PNG");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        String base = pane.document().name().replaceFirst("\\.(pcapng|pcap|cap)(\\.gz)?$", "");
        fc.setInitialFileName(base + "-ladder.png");
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            fc.setInitialDirectory(home);
        }
        File out = fc.showSaveDialog(stage);
        if (out != null) {
            Path p = out.toPath();
            exportLadder(pane, p.getFileName().toString().toLowerCase().endsWith(".png") ? p
                    : p.resolveSibling(p.getFileName() + ".png"));
        }
    }

    /** Writes the tab's current (filtered) ladder as PNG in the background; the status bar says when done. */
    public Task<Path> exportLadder(CaptureTab t, Path out) {
        return exportLadder(t.capturePane(), out);
    }

    /** Writes the pane's ladder as shown (filtered) as PNG in the background; the status bar says when done. */
    public Task<Path> exportLadder(CapturePane p, Path out) {
        LadderModel model = p.ladder().getModel();
        TimeMode mode = timeMode.get();
        String source = p.document().name();
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage("Exporting the ladder to " + out + "…");
                new LadderPngExporter(model, mode, source).export(out);
                return out;
            }
        };
        statusBar.textProperty().unbind();
        statusBar.setText("Exporting the ladder to " + out + "…");
        task.setOnSucceeded(e -> {
            statusBar.textProperty().unbind();
            statusBar.setText("Saved the ladder (" + model.rowCount() + " rows) to " + out);
        });
        task.setOnFailed(e -> {
            statusBar.textProperty().unbind();
            statusBar.setText("Could not export to " + out + ": " + task.getException().getMessage());
        });
        exporter.execute(task);
        return task;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && !CaptureDrop.captures(e.getDragboard().getFiles()).isEmpty()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<Path> files = e.getDragboard().hasFiles() ? CaptureDrop.captures(e.getDragboard().getFiles()) : List.of();
        if (!files.isEmpty()) {
            open(files);
        }
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    /** Asks about each live capture not yet saved; false when the user cancelled closing. */
    public boolean confirmLiveClose() {
        for (Tab t : tabs.getTabs()) {
            if (t instanceof LiveTab l && !l.confirmClose()) {
                tabs.getSelectionModel().select(l);
                return false;
            }
        }
        return true;
    }

    /** Capture ▸ Start…: lists the interfaces, asks for the options, starts a live tab (or says why not). */
    private void chooseAndCapture() {
        List<CaptureInterface> list;
        try {
            list = captureBackend.interfaces();
        } catch (LiveCaptureException e) {
            addLive(LiveTab.failedToStart(null, e, memory));
            return;
        }
        StartCaptureDialog d = new StartCaptureDialog(stage, list);
        d.showAndWait().ifPresent(this::startLive);
    }

    /** Starts a live capture in a new tab; errors (no permission, interface gone…) show in that tab. */
    public LiveTab startLive(LiveOptions options) {
        LiveTab t = new LiveTab(options, memory, captureBackend);
        addLive(t);
        t.start();
        return t;
    }

    private void addLive(LiveTab t) {
        // the pane comes once libpcap opened: the View menu's filters and the time mode then drive it
        t.paneProperty().addListener((o, a, p) -> {
            if (t == selectedLive()) {
                selectionChanged();
            }
        });
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
    }

    /** Capture ▸ Start… as if chosen from the menu (tests drive it with a {@link #setCaptureBackend backend}). */
    public void startCaptureFromMenu() {
        chooseAndCapture();
    }

    /** Where live captures come from: libpcap unless a test put its failures here. */
    public void setCaptureBackend(CaptureBackend backend) {
        this.captureBackend = backend;
    }

    /** The selected live tab, null if the selected tab is a file. */
    public LiveTab selectedLive() {
        return tabs.getSelectionModel().getSelectedItem() instanceof LiveTab l ? l : null;
    }

    private void stopLiveCapture() {
        LiveTab l = selectedLive();
        if (l != null) {
            l.stop();
        }
    }

    private void saveLiveCapture() {
        LiveTab l = selectedLive();
        if (l == null || l.session() == null) {
            statusBar.textProperty().unbind();
            statusBar.setText("Select a live capture tab to save: files are saved already.");
            return;
        }
        l.chooseAndSave();
    }

    private void shutdown() {
        for (Tab t : tabs.getTabs()) {
            if (t instanceof CaptureTab c) {
                c.cancel();
            } else if (t instanceof LiveTab l) {
                l.dispose();
            }
        }
        loader.shutdownNow();
        exporter.shutdown();
    }

    /** Runs on the JavaFX thread, now if already there. */
    static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
