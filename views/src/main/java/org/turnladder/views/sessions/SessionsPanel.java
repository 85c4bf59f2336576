package org.turnladder.views.sessions;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.calls.Call;
import org.turnladder.analysis.calls.InviteOutcome;
import org.turnladder.analysis.ice.IcePair;
import org.turnladder.analysis.turn.TurnAllocation;
import org.turnladder.analysis.turn.TurnConnection;

/**
 * The conversations in a capture: SIP calls with their INVITEs, TURN allocations with their RFC 6062 connections,
 * and the ICE check matrix (each candidate pair, each direction with ✓/✗ and counts). Clicking a line shows its
 * first frame in the ladder; "Only this" narrows the ladder to the selected call or allocation.
 */
public class SessionsPanel extends BorderPane {
    private final TreeView<SessionItem> tree = new TreeView<>();
    private final Button only = new Button("Only this");
    private final Button all = new Button("Show all");
    private LongConsumer onShowFrame = f -> { };
    private Consumer<Call> onOnlyCall = c -> { };
    private Consumer<TurnAllocation> onOnlyAllocation = a -> { };
    private Runnable onShowAll = () -> { };

    public SessionsPanel() {
        getStyleClass().add("sessions-panel");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new ItemCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            SessionItem s = item == null ? null : item.getValue();
            only.setDisable(s == null || !(s.source() instanceof Call || s.source() instanceof TurnAllocation));
        });
        tree.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            TreeItem<SessionItem> item = tree.getSelectionModel().getSelectedItem();
            if (item != null && item.getValue().frame() > 0) {
                onShowFrame.accept(item.getValue().frame());
            }
        });
        only.setDisable(true);
        only.setTooltip(new Tooltip("Show only the selected call or TURN allocation in the ladder"));
        only.setOnAction(e -> onlySelected());
        all.setTooltip(new Tooltip("Show every session again"));
        all.setOnAction(e -> onShowAll.run());
        setTop(new ToolBar(new Label("Ladder:"), only, all));
        setCenter(tree);
        setAnalysis(null);
    }

    /** Shows the sessions of this analysis; null shows nothing. */
    public void setAnalysis(Analysis a) {
        setTree(tree(a));
    }

    /** Shows a tree made by {@link #tree(Analysis)}. */
    public void setTree(TreeItem<SessionItem> root) {
        tree.setRoot(root);
    }

    /**
     * The lines of an analysis' sessions, not yet shown: any thread may build them (a capture with thousands of
     * allocations takes a few hundred milliseconds), then {@link #setTree} shows them.
     */
    public static TreeItem<SessionItem> tree(Analysis a) {
        TreeItem<SessionItem> root = new TreeItem<>(section("sessions"));
        if (a == null) {
            return root;
        }
        TreeItem<SessionItem> calls = sectionItem("SIP calls (" + a.calls().size() + ")");
        for (Call c : a.calls()) {
            TreeItem<SessionItem> ci = item(SessionItem.Kind.CALL, SessionTexts.call(c), "Call-ID " + c.callId(),
                    c.firstRequest() != null ? c.firstRequest().frame() : firstInviteFrame(c),
                    c.invites().isEmpty() ? "" : SessionTexts.inviteState(c.invites().get(c.invites().size() - 1)), c);
            for (InviteOutcome i : c.invites()) {
                ci.getChildren().add(item(SessionItem.Kind.INVITE, SessionTexts.invite(i), "", i.frame(),
                        SessionTexts.inviteState(i), i));
            }
            ci.setExpanded(true);
            calls.getChildren().add(ci);
        }
        TreeItem<SessionItem> turn = sectionItem("TURN allocations (" + a.turnAllocations().size() + ")");
        for (TurnAllocation t : a.turnAllocations()) {
            long first = t.allocateRequestFrame() > 0 ? t.allocateRequestFrame() : t.firstFrame();
            TreeItem<SessionItem> ti = item(SessionItem.Kind.ALLOCATION, SessionTexts.allocation(t),
                    t.controlConnection() >= 0 ? "control connection tcp.stream " + t.controlConnection() : "",
                    first, SessionTexts.allocationState(t), t);
            for (TurnConnection c : t.connections()) {
                long f = c.requestFrame() > 0 ? c.requestFrame() : c.responseFrame();
                ti.getChildren().add(item(SessionItem.Kind.CONNECTION, SessionTexts.connection(c), "", f,
                        SessionTexts.connectionState(c), c));
            }
            ti.setExpanded(true);
            turn.getChildren().add(ti);
        }
        TreeItem<SessionItem> ice = sectionItem("ICE checks (" + a.iceChecks().size() + " pairs)");
        for (IcePair p : a.iceChecks()) {
            long f = Math.max(0, Math.min(positive(p.ab().firstRequestFrame()), positive(p.ba().firstRequestFrame())));
            TreeItem<SessionItem> pi = item(SessionItem.Kind.ICE_PAIR, SessionTexts.pair(p), p.describe(),
                    f == Long.MAX_VALUE ? 0 : f, p.works() ? "ok" : "error", p);
            pi.getChildren().add(item(SessionItem.Kind.ICE_DIRECTION, SessionTexts.direction(p.ab()), "",
                    Math.max(0, p.ab().firstRequestFrame()), state(p.ab()), p.ab()));
            pi.getChildren().add(item(SessionItem.Kind.ICE_DIRECTION, SessionTexts.direction(p.ba()), "",
                    Math.max(0, p.ba().firstRequestFrame()), state(p.ba()), p.ba()));
            pi.setExpanded(true);
            ice.getChildren().add(pi);
        }
        root.getChildren().addAll(java.util.List.of(calls, turn, ice));
        return root;
    }

    public TreeView<SessionItem> tree() {
        return tree;
    }

    /** Called with the frame of a clicked line. */
    public void setOnShowFrame(LongConsumer action) {
        onShowFrame = action == null ? f -> { } : action;
    }

    public void setOnOnlyCall(Consumer<Call> action) {
        onOnlyCall = action == null ? c -> { } : action;
    }

    public void setOnOnlyAllocation(Consumer<TurnAllocation> action) {
        onOnlyAllocation = action == null ? a -> { } : action;
    }

    public void setOnShowAll(Runnable action) {
        onShowAll = action == null ? () -> { } : action;
    }

    /** Narrows the ladder to the selected call or allocation, as the "Only this" button does. */
    public void onlySelected() {
        TreeItem<SessionItem> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        if (item.getValue().source() instanceof Call c) {
            onOnlyCall.accept(c);
        } else if (item.getValue().source() instanceof TurnAllocation t) {
            onOnlyAllocation.accept(t);
        }
    }

    private static long positive(long f) {
        return f > 0 ? f : Long.MAX_VALUE;
    }

    private static String state(org.turnladder.analysis.ice.IceDirection d) {
        return d.requests() == 0 ? "" : d.works() ? "ok" : "error";
    }

    private static long firstInviteFrame(Call c) {
        return c.invites().isEmpty() ? 0 : c.invites().get(0).frame();
    }

    private static SessionItem section(String text) {
        return new SessionItem(SessionItem.Kind.SECTION, text, "", 0, "", null);
    }

    private static TreeItem<SessionItem> sectionItem(String text) {
        TreeItem<SessionItem> i = new TreeItem<>(section(text));
        i.setExpanded(true);
        return i;
    }

    private static TreeItem<SessionItem> item(SessionItem.Kind kind, String text, String detail, long frame,
                                              String state, Object source) {
        return new TreeItem<>(new SessionItem(kind, text, detail, frame, state, source));
    }

    private static final class ItemCell extends TreeCell<SessionItem> {
        private static final String[] STATES = {"session-ok", "session-error", "session-pending", "session-section"};

        @Override
        protected void updateItem(SessionItem s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeAll(STATES);
            setTooltip(null);
            if (empty || s == null) {
                setText(null);
                return;
            }
            setText(s.text());
            if (s.kind() == SessionItem.Kind.SECTION) {
                getStyleClass().add("session-section");
            } else if (!s.state().isEmpty()) {
                getStyleClass().add("session-" + s.state());
            }
            String tip = s.detail().isEmpty() ? s.text() : s.text() + "\n" + s.detail();
            setTooltip(new Tooltip(tip + (s.frame() > 0 ? "\nClick: show frame " + s.frame() : "")));
        }
    }
}
