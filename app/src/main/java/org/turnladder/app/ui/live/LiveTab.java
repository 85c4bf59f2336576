package org.turnladder.app.ui.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.turnladder.app.ui.CapturePane;
import org.turnladder.app.ui.DetailsPane;
import org.turnladder.app.ui.LadderFilters;
import org.turnladder.app.ui.LoadedCapture;
import org.turnladder.app.ui.RoleMemory;
import org.turnladder.document.LiveDocument;
import org.turnladder.views.roles.RoleChoice;
import org.turnladder.ladder.LadderModel;
import org.turnladder.live.CaptureStats;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveCaptureException;
import org.turnladder.live.LiveOptions;
import org.turnladder.live.SaveFormat;
import org.turnladder.views.ladder.LadderView;

/**
 * A tab for one live capture: the same {@link CapturePane} as for a file (filters, Find, only this call or
 * allocation, role editing remembered by address, details with Copy Wireshark filter, PNG export from the window)
 * over a {@link LiveDocument} the capture keeps feeding, refreshed at most {@link #REFRESHES_PER_SECOND} times a
 * second in the pane's background builder; above it a bar with Stop, Save, Follow new arrows and the capture's
 * state, and a status line with packets captured, dropped and bytes. When the capture cannot start or breaks, the
 * tab says why and what to do. Closing it with packets not yet saved asks first.
 */
public final class LiveTab extends Tab {
    /** Often enough to watch a call build, rarely enough that a flood of packets does not stall the window. */
    public static final int REFRESHES_PER_SECOND = 4;

    /**
     * A refresh that took t waits this many t before the next: at most half the time goes to refreshes. A refresh
     * extends the ladder by the new packets (tens of ms at 500 000 messages), so this only spaces out the rare
     * refresh that has to build the whole ladder (a box appeared or changed role: 0.3 s at 500 000 messages).
     */
    static final int REFRESH_SHARE = 1;

    private final LiveOptions options;
    private final RoleMemory memory;
    private final CaptureBackend backend;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper(this, "capturing", false);
    private final ReadOnlyObjectWrapper<CapturePane> pane = new ReadOnlyObjectWrapper<>(this, "pane");
    private final CheckBox follow = new CheckBox("Follow new arrows");
    private final Label state = new Label();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Button stop = new Button("Stop");
    private final Button save = new Button("Save Capture As…");
    private ScheduledExecutorService refresher;
    private volatile LiveSession session;
    private long shownVersion = -1;
    /** No refresh before this System.nanoTime(): a refresh that took long spaces out the next ones. */
    private volatile long quietUntil;
    private String error;
    private long savedPackets = -1;
    private boolean discarded;
    private UnsavedPrompt prompt = UnsavedPrompts::ask;

    /**
     * @param memory  where role choices are remembered (by address, and for captures on this interface)
     * @param backend where the capture comes from (libpcap; tests inject failures)
     */
    public LiveTab(LiveOptions options, RoleMemory memory, CaptureBackend backend) {
        super("● " + options.interfaceName());
        this.options = options;
        this.memory = memory;
        this.backend = backend;
        setTooltip(new Tooltip("Live capture on " + options.interfaceName() + (options.filter().isEmpty() ? ""
                : " — filter: " + options.filter())));
        setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        setOnClosed(e -> dispose());
    }

    /** A tab that only says why live capture cannot start (libpcap missing, no interfaces listed…). */
    public static LiveTab failedToStart(String interfaceName, LiveCaptureException e, RoleMemory memory) {
        LiveTab t = new LiveTab(LiveOptions.of(interfaceName == null ? "?" : interfaceName), memory,
                CaptureBackend.LIBPCAP);
        t.setText("Live capture");
        t.failed(e);
        return t;
    }

    /** What role choices of captures on this interface are remembered under (beside the address-wide ones). */
    static Path memoryKey(LiveOptions o) {
        return Path.of("live capture on " + o.interfaceName().replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /**
     * Opens the capture (on a short-lived thread: libpcap may take a moment) and starts reading; errors show in the
     * tab.
     */
    public void start() {
        status.set("Starting capture on " + options.interfaceName() + "…");
        Label l = new Label(status.get());
        VBox box = new VBox(l);
        box.setAlignment(Pos.CENTER);
        setContent(box);
        Task<LiveCapture> opening = new Task<>() {
            @Override
            protected LiveCapture call() throws Exception {
                return backend.open(options);
            }
        };
        opening.setOnSucceeded(e -> running(opening.getValue()));
        opening.setOnFailed(e -> failed(opening.getException()));
        Thread t = new Thread(opening, "turnladder-live-open");
        t.setDaemon(true);
        t.start();
    }

    private void running(LiveCapture capture) {
        if (getTabPane() == null && discarded) {
            // the tab closed while libpcap opened: nothing to show, nothing to keep
            capture.stop();
            discardQuietly(capture);
            return;
        }
        Path key = memoryKey(options);
        Map<String, RoleChoice> choices = memory.choices(key);
        LiveDocument doc = new LiveDocument(options.interfaceName(), RoleMemory.overrides(choices));
        session = new LiveSession(capture, doc, failure -> Platform.runLater(() -> ended(failure)));
        CapturePane p = new CapturePane(LoadedCapture.of(doc, choices), memory, key);
        p.setAfterBuild(this::afterBuild);
        p.buildingProperty().addListener((o, a, b) -> updateStatus(capture.stats()));
        BorderPane content = new BorderPane(p);
        content.setTop(liveBar());
        content.getStyleClass().add("live-pane");
        setContent(content);
        pane.set(p);
        capturing.set(true);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "turnladder-live-refresh");
            t.setDaemon(true);
            return t;
        });
        long period = 1000 / REFRESHES_PER_SECOND;
        refresher.scheduleWithFixedDelay(this::refresh, 0, period, TimeUnit.MILLISECONDS);
        session.start();
    }

    private BorderPane liveBar() {
        stop.setOnAction(e -> stop());
        stop.disableProperty().bind(capturing.not());
        save.setOnAction(e -> chooseAndSave());
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the newest arrow in view while nothing is selected"));
        state.getStyleClass().add("live-state");
        // the state is beside the tool bar, not in it: a long reason would go to the tool bar's overflow menu
        state.setWrapText(true);
        state.setMaxWidth(Double.MAX_VALUE);
        state.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        state.tooltipProperty().bind(state.textProperty().map(Tooltip::new));
        ToolBar buttons = new ToolBar(stop, save, new Separator(Orientation.VERTICAL), follow,
                new Separator(Orientation.VERTICAL));
        buttons.getStyleClass().add("filter-bar");
        BorderPane bar = new BorderPane(state);
        bar.setLeft(buttons);
        BorderPane.setAlignment(state, Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("tool-bar", "live-bar");
        return bar;
    }

    /**
     * On the refresher thread: when the capture took in something since the last refresh and that one is shown,
     * asks the pane for the analysis and the ladder again; otherwise just the counters.
     */
    private void refresh() {
        LiveSession s = session;
        CapturePane p = pane.get();
        if (s == null || p == null || refreshing.get()) {
            return;
        }
        long v = s.document().version();
        if (v != shownVersion && System.nanoTime() >= quietUntil) {
            shownVersion = v;
            refreshing.set(true);
            long start = System.nanoTime();
            Platform.runLater(() -> p.refresh().whenComplete((r, e) -> {
                // a refresh that had to build the whole ladder of a big capture spaces out the next one
                long end = System.nanoTime();
                quietUntil = end + REFRESH_SHARE * (end - start);
                refreshing.set(false);
            }));
        } else if (!s.finished()) {
            CaptureStats st = s.capture().stats();
            Platform.runLater(() -> updateStatus(st));
        }
    }

    /** After each ladder shown: keeps the newest arrow in view while following and nothing is selected. */
    private void afterBuild() {
        CapturePane p = pane.get();
        LadderModel m = p.ladder().getModel();
        if (follow.isSelected() && p.ladder().getSelectedRow() < 0 && m != null && m.rowCount() > 0) {
            p.ladder().scrollToRow(m.rowCount() - 1);
        }
        LiveSession s = session;
        if (s != null) {
            updateStatus(s.capture().stats());
        }
    }

    private void updateStatus(CaptureStats st) {
        CapturePane p = pane.get();
        LadderModel m = p == null ? null : p.ladder().getModel();
        // from the ladder shown, not the document: no lock taken on the JavaFX thread for a status line
        String messages = m == null ? "0" : String.format("%,d", m.messageCount());
        String rows = m == null ? "0" : String.format("%,d", m.rowCount());
        String what = capturing.get() ? "Capturing on " + options.interfaceName()
                : "Stopped capture on " + options.interfaceName();
        String line = String.format("%s: %,d packets captured, %,d dropped by the kernel, %,d by the interface,"
                        + " %s · %s messages, %s arrows%s", what, st.packets(), st.droppedByKernel(),
                st.droppedByInterface(), bytes(st.bytes()), messages, rows, savedNote(st))
                + (p == null ? "" : p.buildingHint());
        status.set(error == null ? line : "Capture ended: " + error + " · " + line);
        if (error == null) {
            state.setText(capturing.get() ? "● Capturing on " + options.interfaceName()
                    : "Stopped" + (savedPackets >= 0 ? "" : " — not saved yet"));
        }
    }

    private String savedNote(CaptureStats st) {
        if (savedPackets < 0) {
            return st.packets() > 0 ? " · not saved" : "";
        }
        return st.packets() > savedPackets ? " · new packets since saving" : " · saved";
    }

    static String bytes(long n) {
        if (n < 10_000) {
            return String.format("%,d bytes", n);
        }
        if (n < 10_000_000) {
            return String.format("%,d kB", n / 1000);
        }
        return String.format("%,d MB", n / 1_000_000);
    }

    /** Ends the capture; the ladder stays as it was at the last packet. */
    public void stop() {
        if (session != null) {
            session.stop();
        }
    }

    /** On the JavaFX thread once reading ended: a last refresh, and the reason when it failed. */
    private void ended(LiveCaptureException failure) {
        capturing.set(false);
        setText(options.interfaceName() + " (stopped)");
        // the refresher stays for one more round: the document's end changed its version (final analysis)
        if (failure != null) {
            // the tab keeps what was captured; the bar says why it ended and what to do
            error = failure.getMessage();
            state.setText("Capture ended: " + failure.getMessage());
            state.getStyleClass().add("open-error");
        }
        updateStatus(session.capture().stats());
    }

    private void failed(Throwable e) {
        error = e instanceof LiveCaptureException ? e.getMessage()
                : "Could not start the capture: " + e.getMessage();
        capturing.set(false);
        status.set(error);
        Label l = new Label(error);
        l.setWrapText(true);
        l.setMaxWidth(700);
        l.getStyleClass().add("open-error");
        l.setId("live-error");
        Label icon = new Label("⚠");
        icon.getStyleClass().add("open-error-icon");
        VBox box = new VBox(12, icon, l);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("error-pane");
        setContent(box);
    }

    /** Asks where (pcapng, or pcap by extension) and saves in the background. */
    public void chooseAndSave() {
        Path p = UnsavedPrompts.chooseFile(this);
        if (p != null) {
            saveInBackground(p);
        }
    }

    /** Writes what was captured so far to {@code target} (pcapng, or pcap by extension) off the JavaFX thread. */
    public Task<Long> saveInBackground(Path target) {
        LiveCapture c = session.capture();
        long upTo = c.stats().packets();
        Task<Long> t = new Task<>() {
            @Override
            protected Long call() throws IOException {
                return c.saveAs(target, SaveFormat.forFileName(target));
            }
        };
        status.set("Saving the capture to " + target + "…");
        t.setOnSucceeded(e -> {
            savedPackets = upTo;
            status.set(String.format("Saved %,d packets to %s", t.getValue(), target));
            if (!capturing.get() && error == null) {
                state.setText("Stopped — saved to " + target.getFileName());
            }
        });
        t.setOnFailed(e -> status.set("Could not save to " + target + ": " + t.getException().getMessage()));
        Thread th = new Thread(t, "turnladder-live-save");
        th.setDaemon(true);
        th.start();
        return t;
    }

    /** Writes what was captured so far, on the calling thread; returns the packets written. */
    public long saveNow(Path target) throws IOException {
        long upTo = session.capture().stats().packets();
        long n = session.capture().saveAs(target, SaveFormat.forFileName(target));
        savedPackets = upTo;
        return n;
    }

    /** Whether packets were captured that no Save has written yet. */
    public boolean hasUnsaved() {
        if (session == null || discarded) {
            return false;
        }
        long packets = session.capture().stats().packets();
        return packets > 0 && packets > savedPackets;
    }

    /**
     * Before the tab or window closes: when packets are unsaved, asks Save / Discard / Cancel.
     *
     * @return whether closing may go on
     */
    public boolean confirmClose() {
        if (!hasUnsaved()) {
            return true;
        }
        UnsavedPrompt.Choice c = prompt.ask(this);
        if (c == UnsavedPrompt.Choice.CANCEL) {
            return false;
        }
        if (c == UnsavedPrompt.Choice.SAVE) {
            Path p = UnsavedPrompts.chooseFile(this);
            if (p == null) {
                return false;
            }
            try {
                saveNow(p);
            } catch (IOException e) {
                status.set("Could not save to " + p + ": " + e.getMessage());
                UnsavedPrompts.saveFailed(this, p, e);
                return false;
            }
        }
        return true;
    }

    /** Stops the capture and deletes its temporary files (after {@link #confirmClose()} said yes). */
    public void dispose() {
        discarded = true;
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (session != null) {
            session.stop();
            LiveSession s = session;
            Thread t = new Thread(() -> {
                try {
                    s.awaitEnd(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                discardQuietly(s.capture());
            }, "turnladder-live-discard");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void discardQuietly(LiveCapture c) {
        try {
            c.discard();
        } catch (IOException e) {
            // a leftover temporary file in turnladder-live is all this costs
        }
    }

    /** Replaces the Save / Discard / Cancel question (tests answer it themselves). */
    public void setUnsavedPrompt(UnsavedPrompt p) {
        this.prompt = p;
    }

    public LiveOptions options() {
        return options;
    }

    public LiveSession session() {
        return session;
    }

    /** The live bar's Stop button. */
    Button stopButton() {
        return stop;
    }

    /** The live bar's state: capturing, stopped, or why the capture ended. */
    Label stateLabel() {
        return state;
    }

    /** The live bar's Follow new arrows check box. */
    CheckBox followBox() {
        return follow;
    }

    /** The capture's pane, null until the capture started (or when it could not). */
    public CapturePane capturePane() {
        return pane.get();
    }

    public ReadOnlyObjectProperty<CapturePane> paneProperty() {
        return pane.getReadOnlyProperty();
    }

    /** The pane's ladder (once started). */
    public LadderView ladder() {
        return pane.get().ladder();
    }

    public DetailsPane details() {
        return pane.get().details();
    }

    public LadderFilters filters() {
        return pane.get().filters();
    }

    /** Why capture could not start or ended early, null otherwise. */
    public String error() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty capturingProperty() {
        return capturing.getReadOnlyProperty();
    }
}
