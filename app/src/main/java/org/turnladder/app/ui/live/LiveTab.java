package org.turnladder.app.ui.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
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
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Severity;
import org.turnladder.app.ui.DetailsPane;
import org.turnladder.app.ui.LadderFilters;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderProtocol;
import org.turnladder.ladder.LadderRow;
import org.turnladder.ladder.TimeMode;
import org.turnladder.live.CaptureStats;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveCaptureException;
import org.turnladder.live.LiveOptions;
import org.turnladder.live.SaveFormat;
import org.turnladder.views.findings.FindingsPanel;
import org.turnladder.views.ladder.LadderView;
import org.turnladder.views.roles.RolesTable;
import org.turnladder.views.sessions.SessionsPanel;

/**
 * A tab for one live capture: the ladder, details, findings, sessions and roles as packets arrive (refreshed from a
 * snapshot at most {@link #REFRESHES_PER_SECOND} times a second, built off the JavaFX thread), a bar with Stop and
 * Save, and a status line with packets captured, dropped and bytes. When the capture cannot start or breaks, the tab
 * says why and what to do. Closing it with packets not yet saved asks first.
 */
public final class LiveTab extends Tab {
    /** Often enough to watch a call build, rarely enough that a flood of packets does not stall the window. */
    public static final int REFRESHES_PER_SECOND = 4;

    private final LiveOptions options;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper(this, "capturing", false);
    private final LadderFilters filters = new LadderFilters();
    private final LadderView ladder = new LadderView();
    private final FindingsPanel findings = new FindingsPanel();
    private final SessionsPanel sessions = new SessionsPanel();
    private final RolesTable roles = new RolesTable();
    private final DetailsPane details = new DetailsPane(this::frameBytes);
    private final CheckBox follow = new CheckBox("Follow new arrows");
    private final Label state = new Label();
    private final Tab findingsTab = new Tab("Findings", findings);
    private final AtomicBoolean applyPending = new AtomicBoolean();
    private final Button stop = new Button("Stop");
    private final Button save = new Button("Save Capture As…");
    private volatile boolean optionsChanged;
    private ScheduledExecutorService refresher;
    private volatile LiveSession session;
    private LiveSnapshot shown;
    private String error;
    private long savedPackets = -1;
    private boolean discarded;
    private UnsavedPrompt prompt = UnsavedPrompts::ask;

    public LiveTab(LiveOptions options) {
        super("● " + options.interfaceName());
        this.options = options;
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
    public static LiveTab failedToStart(String interfaceName, LiveCaptureException e) {
        LiveTab t = new LiveTab(LiveOptions.of(interfaceName == null ? "?" : interfaceName));
        t.setText("Live capture");
        t.failed(e);
        return t;
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
                return LiveCapture.open(options);
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
        session = new LiveSession(capture, failure -> Platform.runLater(() -> ended(failure)));
        setContent(capturePane());
        capturing.set(true);
        filters.optionsProperty().addListener((o, a, b) -> optionsChanged = true);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "turnladder-live-refresh");
            t.setDaemon(true);
            return t;
        });
        long period = 1000 / REFRESHES_PER_SECOND;
        refresher.scheduleWithFixedDelay(this::refresh, 0, period, TimeUnit.MILLISECONDS);
        session.start();
    }

    private BorderPane capturePane() {
        stop.setOnAction(e -> stop());
        stop.disableProperty().bind(capturing.not());
        save.setOnAction(e -> chooseAndSave());
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the newest arrow in view while nothing is selected"));
        state.getStyleClass().add("live-state");
        ToolBar bar = new ToolBar(stop, save, new Separator(Orientation.VERTICAL));
        for (LadderProtocol p : LadderProtocol.values()) {
            ToggleButton b = new ToggleButton(p == LadderProtocol.CHANNELDATA ? "ChannelData" : p.name());
            b.getStyleClass().addAll("protocol-toggle", p.css());
            b.selectedProperty().bindBidirectional(filters.protocol(p));
            bar.getItems().add(b);
        }
        CheckBox collapse = new CheckBox("Collapse repeats");
        collapse.selectedProperty().bindBidirectional(filters.collapseProperty());
        bar.getItems().addAll(collapse, follow, new Separator(Orientation.VERTICAL), state);
        bar.getStyleClass().add("filter-bar");
        ladder.selectedRowProperty().addListener((o, a, r) -> showRow(r.intValue()));
        findings.setOnFindingSelected(f -> {
            if (!f.frames().isEmpty()) {
                ladder.scrollToFrame(f.frames().get(0));
            }
        });
        sessions.setOnShowFrame(ladder::scrollToFrame);
        TabPane side = new TabPane(findingsTab, new Tab("Sessions", sessions), new Tab("Roles", roles));
        side.getTabs().forEach(t -> t.setClosable(false));
        side.getStyleClass().add("side-tabs");
        SplitPane left = new SplitPane(ladder, details);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.64);
        SplitPane centre = new SplitPane(left, side);
        centre.setDividerPositions(0.69);
        SplitPane.setResizableWithParent(side, false);
        BorderPane p = new BorderPane(centre);
        p.setTop(bar);
        p.getStyleClass().add("capture-pane");
        return p;
    }

    /** On the refresher thread: a new snapshot when something changed and the last one has been shown. */
    private void refresh() {
        LiveSession s = session;
        if (s == null || applyPending.get()) {
            return;
        }
        if (s.dirty() || optionsChanged) {
            optionsChanged = false;
            LiveSnapshot snap = s.snapshot(filters.options());
            applyPending.set(true);
            Platform.runLater(() -> {
                applyPending.set(false);
                apply(snap);
            });
        } else if (!s.finished()) {
            CaptureStats st = s.capture().stats();
            Platform.runLater(() -> updateStatus(st));
        }
    }

    private void apply(LiveSnapshot snap) {
        LadderModel old = ladder.getModel();
        int sel = ladder.getSelectedRow();
        long frame = old != null && sel >= 0 && sel < old.rowCount() ? old.row(sel).frame() : -1;
        shown = snap;
        ladder.setModel(snap.ladder());
        if (frame >= 0) {
            ladder.scrollToFrame(frame);
        } else if (follow.isSelected() && snap.ladder().rowCount() > 0) {
            ladder.scrollToRow(snap.ladder().rowCount() - 1);
        }
        Analysis a = snap.analysis();
        findings.setFindings(a.findings());
        sessions.setAnalysis(a);
        roles.setBoxes(a.roles(), java.util.Map.of(), java.util.Map.of());
        long errors = a.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        findingsTab.setText("Findings (" + a.findings().size() + ")");
        findingsTab.getStyleClass().remove("has-errors");
        if (errors > 0) {
            findingsTab.getStyleClass().add("has-errors");
        }
        updateStatus(snap.stats());
    }

    private void updateStatus(CaptureStats st) {
        String messages = shown == null ? "0" : String.format("%,d", shown.decodedMessages());
        String rows = shown == null ? "0" : String.format("%,d", shown.ladder().rowCount());
        String what = capturing.get() ? "Capturing on " + options.interfaceName()
                : "Stopped capture on " + options.interfaceName();
        String line = String.format("%s: %,d packets captured, %,d dropped by the kernel, %,d by the interface,"
                        + " %s · %s messages, %s arrows%s", what, st.packets(), st.droppedByKernel(),
                st.droppedByInterface(), bytes(st.bytes()), messages, rows, savedNote(st));
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

    private void showRow(int row) {
        LadderModel m = ladder.getModel();
        if (shown == null || m == null || row < 0 || row >= m.rowCount()) {
            details.show(null);
            return;
        }
        LadderRow r = m.row(row);
        details.show(session.message(r.entry().messageIndex()));
    }

    private byte[] frameBytes(long frame) {
        LiveSession s = session;
        return s == null ? null : s.frameBytes(frame);
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
        // the refresher stays: it shows the last packets (the reader marked them) and rebuilds on filter changes
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

    public LadderView ladder() {
        return ladder;
    }

    public DetailsPane details() {
        return details;
    }

    public FindingsPanel findings() {
        return findings;
    }

    public LadderFilters filters() {
        return filters;
    }

    public ObjectProperty<TimeMode> timeModeProperty() {
        return ladder.timeModeProperty();
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
