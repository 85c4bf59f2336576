package org.turnladder.app.ui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderProtocol;

/**
 * The ladder's filters as properties the toolbar and the View menu bind to; {@link #options()} turns them into
 * the model's {@link LadderOptions}, and {@link #optionsProperty()} changes whenever one of them does.
 */
public final class LadderFilters {
    /** Runs of this many identical messages or exchanges collapse into one row when collapsing is on. */
    public static final int COLLAPSE_AT = 3;

    private final Map<LadderProtocol, BooleanProperty> protocols = new EnumMap<>(LadderProtocol.class);
    private final BooleanProperty hideRefreshes = new SimpleBooleanProperty(this, "hideRefreshes");
    private final BooleanProperty hideKeepAlives = new SimpleBooleanProperty(this, "hideKeepAlives");
    private final BooleanProperty hideRetransmissions = new SimpleBooleanProperty(this, "hideRetransmissions");
    private final BooleanProperty collapse = new SimpleBooleanProperty(this, "collapse", true);
    private final BooleanProperty everyAddress = new SimpleBooleanProperty(this, "everyAddress");
    private final StringProperty callId = new SimpleStringProperty(this, "callId");
    private final IntegerProperty turnSession = new SimpleIntegerProperty(this, "turnSession", -1);
    /** What the one-call or one-session scope is called, for the toolbar ("Call 3f7c…"); null when unscoped. */
    private final StringProperty scopeText = new SimpleStringProperty(this, "scopeText");
    private final ObjectProperty<LadderOptions> options = new SimpleObjectProperty<>(this, "options");

    public LadderFilters() {
        for (LadderProtocol p : LadderProtocol.values()) {
            BooleanProperty b = new SimpleBooleanProperty(this, p.css(), true);
            protocols.put(p, b);
            b.addListener(this::changed);
        }
        for (Observable o : new Observable[] {hideRefreshes, hideKeepAlives, hideRetransmissions, collapse, callId,
                turnSession, everyAddress}) {
            o.addListener(this::changed);
        }
        options.set(compute());
    }

    private void changed(Observable o) {
        options.set(compute());
    }

    private LadderOptions compute() {
        Set<LadderProtocol> shown = EnumSet.noneOf(LadderProtocol.class);
        protocols.forEach((p, b) -> {
            if (b.get()) {
                shown.add(p);
            }
        });
        return LadderOptions.showAll().withProtocols(shown).withCall(callId.get())
                .withTurnSession(turnSession.get()).withHideRefreshes(hideRefreshes.get())
                .withHideKeepAlives(hideKeepAlives.get()).withHideRetransmissions(hideRetransmissions.get())
                .withCollapseAt(collapse.get() ? COLLAPSE_AT : 0)
                .withColumnsPerRole(everyAddress.get() ? 0 : LadderOptions.DEFAULT_COLUMNS_PER_ROLE);
    }

    public LadderOptions options() {
        return options.get();
    }

    public ObjectProperty<LadderOptions> optionsProperty() {
        return options;
    }

    public BooleanProperty protocol(LadderProtocol p) {
        return protocols.get(p);
    }

    public BooleanProperty hideRefreshesProperty() {
        return hideRefreshes;
    }

    public BooleanProperty hideKeepAlivesProperty() {
        return hideKeepAlives;
    }

    public BooleanProperty hideRetransmissionsProperty() {
        return hideRetransmissions;
    }

    public BooleanProperty collapseProperty() {
        return collapse;
    }

    /**
     * A column for every box, however many: off by default, when a role's boxes beyond
     * {@link LadderOptions#DEFAULT_COLUMNS_PER_ROLE} share one column (a busy server's capture has thousands).
     */
    public BooleanProperty everyAddressProperty() {
        return everyAddress;
    }

    public StringProperty scopeTextProperty() {
        return scopeText;
    }

    /** Only this SIP call (and the media its SDP names). */
    public void onlyCall(String id, String text) {
        turnSession.set(-1);
        scopeText.set(text);
        callId.set(id);
    }

    /** Only this TURN session ({@code TurnSession.id()} of the ladder feed). */
    public void onlyTurnSession(int id, String text) {
        callId.set(null);
        scopeText.set(text);
        turnSession.set(id);
    }

    /** Every call and session again. */
    public void showAllSessions() {
        scopeText.set(null);
        callId.set(null);
        turnSession.set(-1);
    }

    /** Every protocol, nothing hidden, repeats collapsed: the start. */
    public void reset() {
        protocols.values().forEach(b -> b.set(true));
        hideRefreshes.set(false);
        hideKeepAlives.set(false);
        hideRetransmissions.set(false);
        collapse.set(true);
        everyAddress.set(false);
        showAllSessions();
    }
}
