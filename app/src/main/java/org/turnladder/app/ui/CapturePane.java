package org.turnladder.app.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.BorderPane;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.Severity;
import org.turnladder.analysis.calls.Call;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.analysis.turn.TurnAllocation;
import org.turnladder.document.CaptureContent;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderProtocol;
import org.turnladder.ladder.LadderRow;
import org.turnladder.ladder.LadderSnapshot;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.ladder.TimeMode;
import org.turnladder.ladder.TurnSession;
import org.turnladder.views.findings.FindingsPanel;
import org.turnladder.views.ladder.LadderView;
import org.turnladder.views.roles.RoleChoice;
import org.turnladder.views.roles.RolesTable;
import org.turnladder.views.sessions.SessionTexts;
import org.turnladder.views.sessions.SessionItem;
import org.turnladder.views.sessions.SessionsPanel;

/**
 * One capture on screen, read from a file or still being captured: the filter bar, the ladder with the selected
 * message's fields and bytes below it, and on the right the findings, the sessions and the roles. Filters, a role
 * or a box name changed by the user rebuild the ladder on one background thread (only the newest request is
 * built); a running capture's new packets ({@link #refresh()}) extend the last ladder built by their rows only. The
 * old ladder stays on screen until the new one is ready, with "Building ladder…" in the status when the user asked
 * for it.
 */
public final class CapturePane extends BorderPane {
    /**
     * What a build needs, taken on the JavaFX thread.
     *
     * @param whole build the whole ladder (the user changed filters or roles), not just the rows of new packets
     */
    private record Request(LadderOptions options, Map<String, RoleChoice> choices, boolean reanalyse,
                           boolean whole) {
        /** The newer's settings; the analysis runs again, or the whole ladder is built, if either asked for it. */
        Request then(Request newer) {
            return new Request(newer.options, newer.choices, reanalyse || newer.reanalyse, whole || newer.whole);
        }
    }

    /** What is read with nothing taken in meanwhile; the ladder is built from it afterwards. */
    private record Taken(Analysis analysis, Map<String, Role> detected, LadderSnapshot entries) {
    }

    /** @param detected roles without the user's choices when detection ran again, else null */
    /** @param sessions the sessions panel's lines when the sessions changed, else null */
    private record Result(LadderModel ladder, Analysis analysis, Map<String, Role> detected,
                          TreeItem<SessionItem> sessions) {
    }

    private final CaptureContent doc;
    private final RoleMemory memory;
    private final Path memoryFile;
    private final LadderFilters filters = new LadderFilters();
    private final ObjectProperty<TimeMode> timeMode = new SimpleObjectProperty<>(this, "timeMode", TimeMode.RELATIVE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final LadderView ladder = new LadderView();
    private final DetailsPane details;
    private final FindingsPanel findings = new FindingsPanel();
    private final SessionsPanel sessions = new SessionsPanel();
    private final RolesTable roles = new RolesTable();
    private final TabPane side = new TabPane();
    private final Tab findingsTab = new Tab("Findings", findings);
    private final FindBox find = new FindBox(ladder);
    private final SplitPane centre;
    private final Map<String, RoleChoice> choices;
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper(this, "building", false);
    private final CoalescingWorker<Request, Result> builder;
    private Map<String, Role> detected;
    private Analysis analysis;
    private int userBuilds;
    /** Content version detection last ran on (worker thread only). */
    private long detectedVersion;
    /**
     * The analysis the last build used (worker thread only). A build that does not analyse again starts from it,
     * not from what the screen shows: a role change whose result was overtaken before it was shown still counts.
     */
    private Analysis builtAnalysis;
    /** The last ladder built, which a refresh extends (worker thread only). */
    private LadderModel lastBuilt;
    private Runnable afterBuild = () -> { };

    /**
     * @param memoryFile the file the user's role choices are remembered for (the sample's name for the sample)
     */
    public CapturePane(LoadedCapture loaded, RoleMemory memory, Path memoryFile) {
        this.doc = loaded.content();
        this.memory = memory;
        this.memoryFile = memoryFile;
        this.choices = new LinkedHashMap<>(loaded.choices());
        this.analysis = loaded.analysis();
        this.detected = loaded.detected();
        this.detectedVersion = doc.version();
        this.builtAnalysis = analysis;
        this.details = new DetailsPane(f -> doc.frameBytes(f).orElse(null));
        this.builder = new CoalescingWorker<>("turnladder-ladder", this::build, Request::then, this::apply);
        getStyleClass().add("capture-pane");

        ladder.timeModeProperty().bind(timeMode);
        ladder.selectedRowProperty().addListener((o, a, r) -> showRow(r.intValue()));
        ladder.setOnRowActivated(r -> focusDetails());
        findings.setOnFindingSelected(f -> {
            if (!f.frames().isEmpty()) {
                ladder.scrollToFrame(f.frames().get(0));
            }
        });
        sessions.setOnShowFrame(ladder::scrollToFrame);
        sessions.setOnOnlyCall(this::onlyCall);
        sessions.setOnOnlyAllocation(this::onlyAllocation);
        sessions.setOnShowAll(filters::showAllSessions);
        roles.setOnChoice(c -> Platform.runLater(() -> choose(c)));
        filters.optionsProperty().addListener((o, a, b) -> rebuild());
        building.addListener((o, a, b) -> updateStatus());

        side.getTabs().addAll(findingsTab, new Tab("Sessions", sessions), new Tab("Roles", roles));
        side.getTabs().forEach(t -> t.setClosable(false));
        side.getStyleClass().add("side-tabs");

        SplitPane left = new SplitPane(ladder, details);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.64);
        centre = new SplitPane(left, side);
        centre.setDividerPositions(0.69);
        SplitPane.setResizableWithParent(side, false);
        setTop(filterBar());
        setCenter(centre);
        treeBuiltFor = analysis;
        refreshPanels(loaded.sessions());
        ladder.setModel(loaded.ladder());
        lastBuilt = loaded.ladder(); // before the worker first runs: the first refresh extends it
        updateStatus();
        if (analysis.hasErrors()) {
            side.getSelectionModel().select(findingsTab);
        }
        whenLaidOut(this::selectFirstProblem);
    }

    /** Runs once the ladder has a size (selecting earlier scrolls against a zero-height viewport). */
    private void whenLaidOut(Runnable r) {
        if (ladder.getHeight() > 0) {
            r.run();
            return;
        }
        ladder.heightProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (ladder.getHeight() > 0) {
                    ladder.heightProperty().removeListener(this);
                    Platform.runLater(r);
                }
            }
        });
    }

    /** Opens at the problem: the first arrow marked by an error finding, else the first arrow. */
    private void selectFirstProblem() {
        LadderModel m = ladder.getModel();
        if (m == null || m.rowCount() == 0) {
            return;
        }
        for (Finding f : analysis.findings()) {
            if (f.severity() == Severity.ERROR && !f.frames().isEmpty()) {
                List<Integer> marked = m.rowsWithFinding(f.id());
                if (!marked.isEmpty()) {
                    ladder.select(marked.get(marked.size() - 1));
                    return;
                }
            }
        }
        ladder.select(0);
    }

    private ToolBar filterBar() {
        ToolBar bar = new FilterBar(filters);
        bar.getItems().add(new Separator(Orientation.VERTICAL));
        bar.getItems().addAll(find.nodes());
        return bar;
    }

    static String protocolName(LadderProtocol p) {
        return p == LadderProtocol.CHANNELDATA ? "ChannelData" : p.name();
    }

    /**
     * Rebuilds the ladder in the background with the current roles and filters (the user changed them); the old
     * ladder stays until then. The future completes on the JavaFX thread once a ladder covering this request shows.
     */
    public CompletableFuture<Void> rebuild() {
        return submit(false, true);
    }

    /** A running capture took in more: the analysis and the ladder again, without the "Building" hint. */
    public CompletableFuture<Void> refresh() {
        return submit(true, false);
    }

    private CompletableFuture<Void> submit(boolean reanalyse, boolean user) {
        CompletableFuture<Result> f = builder.submit(new Request(filters.options(), Map.copyOf(choices), reanalyse,
                user));
        if (user) {
            userBuilds++;
            building.set(true);
            f.whenComplete((r, e) -> building.set(--userBuilds > 0));
        }
        return f.handle((r, e) -> {
            if (e != null) {
                status.set("Could not build the ladder: " + e);
            }
            return null;
        });
    }

    /**
     * On the worker thread: the analysis again when asked (a role changed, packets came) and a snapshot of the
     * ladder's entries, both with nothing taken in meanwhile; then, without holding the capture up, the ladder: a
     * refresh extends the last one built (only new packets cost), what the user asked for builds it whole.
     */
    private Result build(Request q) {
        Taken t = doc.consistent(() -> {
            Analysis a = builtAnalysis;
            Map<String, Role> plain = null;
            if (q.reanalyse()) {
                Map<String, Role> overrides = RoleMemory.overrides(q.choices());
                long version = doc.version();
                if (version != detectedVersion) {
                    // a running capture's boxes change: detection without the user's choices, for the roles table
                    Analysis p = overrides.isEmpty() ? null : doc.analysis(Map.of());
                    a = doc.analysis(overrides);
                    plain = LoadedCapture.detectedRoles(p == null ? a : p);
                    detectedVersion = version;
                } else {
                    a = doc.analysis(overrides);
                }
            }
            builtAnalysis = a;
            return new Taken(a, plain, doc.ladderSnapshot());
        });
        Analysis a = t.analysis();
        RoleColumns columns = BoxColumns.of(a, q.choices());
        LadderModel m = q.whole() ? LadderModel.build(t.entries(), columns, a.findings(), q.options())
                : LadderModel.extend(lastBuilt, t.entries(), columns, a.findings(), q.options());
        lastBuilt = m;
        TreeItem<SessionItem> tree = null;
        if (!sameSessions(a, treeBuiltFor)) {
            tree = SessionsPanel.tree(a);
            treeBuiltFor = a;
        }
        return new Result(m, a, t.detected(), tree);
    }

    /** On the JavaFX thread: shows a finished build, keeping the selected frame. */
    private void apply(Result r) {
        if (r.analysis() != analysis) {
            analysis = r.analysis();
            if (r.detected() != null) {
                detected = r.detected();
            }
            refreshPanels(r.sessions());
        }
        LadderModel old = ladder.getModel();
        int sel = ladder.getSelectedRow();
        long frame = old != null && sel >= 0 && sel < old.rowCount() ? old.row(sel).frame() : -1;
        ladder.setModel(r.ladder());
        if (frame >= 0) {
            ladder.scrollToFrame(frame);
        }
        find.updateCount();
        updateStatus();
        afterBuild.run();
    }

    /** Runs on the JavaFX thread after each ladder shown (a live tab follows new arrows). */
    public void setAfterBuild(Runnable r) {
        afterBuild = r == null ? () -> { } : r;
    }

    /** Completes on the JavaFX thread once no build waits or runs (for tests and exports; call on that thread). */
    public CompletableFuture<Void> whenBuilt() {
        return builder.idle();
    }

    /** Whether a ladder the user asked for (filters, roles) is still being built. */
    public ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    /** Columns from the analysis' roles (with the user's) and the box names: automatic ones for two boxes of a role. */
    RoleColumns columns() {
        return BoxColumns.of(analysis, choices);
    }

    private String userName(RoleAssignment r) {
        return BoxColumns.userName(r, choices);
    }

    /**
     * Applies a role or name the user gave: remembered at once; the analysis and the ladder again in the
     * background (the future completes when they show).
     */
    public CompletableFuture<Void> choose(RoleChoice c) {
        memory.remember(memoryFile, c);
        if (c.isEmpty()) {
            choices.remove(c.address());
        } else {
            choices.put(c.address(), c);
        }
        return submit(true, true);
    }

    /** Shows the analysis in the side panels; a live refresh leaves a panel alone when its part did not change. */
    /** @param tree the sessions' lines when they changed, else null */
    private void refreshPanels(TreeItem<SessionItem> tree) {
        Map<String, String> names = new HashMap<>();
        for (RoleAssignment r : analysis.roles()) {
            String n = userName(r);
            if (n != null) {
                names.put(r.address(), n);
            }
        }
        BoxesShown boxes = new BoxesShown(analysis.roles(), detected, names);
        if (!boxes.equals(shownBoxes)) {
            shownBoxes = boxes;
            roles.setBoxes(analysis.roles(), detected, names);
        }
        if (!analysis.findings().equals(shownFindings)) {
            shownFindings = analysis.findings();
            findings.setFindings(analysis.findings());
        }
        if (tree != null) {
            sessions.setTree(tree);
        }
        long errors = analysis.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        findingsTab.setText("Findings (" + analysis.findings().size() + ")");
        findingsTab.getStyleClass().remove("has-errors");
        if (errors > 0) {
            findingsTab.getStyleClass().add("has-errors");
        }
    }

    private record BoxesShown(List<RoleAssignment> roles, Map<String, Role> detected, Map<String, String> names) {
    }

    private BoxesShown shownBoxes;
    private List<Finding> shownFindings;
    /** The analysis whose sessions the last tree built shows (worker thread only, after the constructor). */
    private Analysis treeBuiltFor;

    /** Whether two analyses have the same calls, allocations and ICE checks (the sessions panel's lines). */
    private static boolean sameSessions(Analysis a, Analysis b) {
        return b != null && a.calls().equals(b.calls()) && a.turnAllocations().equals(b.turnAllocations())
                && a.iceChecks().equals(b.iceChecks());
    }

    private void onlyCall(Call c) {
        filters.onlyCall(c.callId(), SessionTexts.call(c));
    }

    private void onlyAllocation(TurnAllocation t) {
        List<TurnSession> all = doc.turnSessions();
        TurnSession best = null;
        for (TurnSession s : all) {
            boolean same = s.client().equals(t.client()) && s.server().equals(t.server());
            if (same && (best == null || Math.abs(s.firstFrame() - t.firstFrame())
                    < Math.abs(best.firstFrame() - t.firstFrame()))) {
                best = s;
            }
        }
        if (best != null) {
            filters.onlyTurnSession(best.id(), "TURN " + t.client() + " → " + t.server());
        }
    }

    private void showRow(int row) {
        LadderModel m = ladder.getModel();
        if (m == null || row < 0 || row >= m.rowCount()) {
            details.show(null);
            return;
        }
        LadderRow r = m.row(row);
        details.show(doc.message(r.entry().messageIndex()));
    }

    /** Enter on a row: the details take the keyboard (arrows then walk the fields). */
    public void focusDetails() {
        details.fieldTree().requestFocus();
        if (details.fieldTree().getSelectionModel().isEmpty() && details.fieldTree().getRoot() != null) {
            details.fieldTree().getSelectionModel().select(0);
        }
    }

    /** Focuses the find field (Ctrl+F). */
    public void focusFind() {
        find.focus();
    }

    /** Selects the next (or previous) row whose label holds the find text; false if none does. */
    public boolean findNext(boolean forward) {
        return find.next(forward);
    }

    private void updateStatus() {
        LadderModel m = ladder.getModel();
        long errors = analysis.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = analysis.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        status.set(String.format("%s · %,d frames · %,d messages · %,d rows shown · %d error%s, %d warning%s%s",
                doc.name(), analysis.frames(), m == null ? 0 : m.messageCount(), m == null ? 0 : m.rowCount(),
                errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", buildingHint()));
    }

    /** " · Building ladder…" while a ladder the user asked for is being built, else empty. */
    public String buildingHint() {
        return building.get() ? " · Building ladder…" : "";
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<TimeMode> timeModeProperty() {
        return timeMode;
    }

    public LadderFilters filters() {
        return filters;
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

    public SessionsPanel sessions() {
        return sessions;
    }

    public RolesTable roles() {
        return roles;
    }

    public TabPane sideTabs() {
        return side;
    }

    public TextField findField() {
        return find.field();
    }

    /** What the count beside the find field says ("3 matches", "no match", empty without find text). */
    public String findCountText() {
        return find.countText();
    }

    public Analysis analysis() {
        return analysis;
    }

    /** What is shown: a file's document or a running capture. */
    public CaptureContent document() {
        return doc;
    }

    /** The role choices in use, by address. */
    public Map<String, RoleChoice> choices() {
        return Map.copyOf(choices);
    }

    /** Findings of the current analysis. */
    public List<Finding> currentFindings() {
        return analysis.findings();
    }
}
