package org.turnladder.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import org.turnladder.ladder.LadderProtocol;

/**
 * The View menu's filter items. They drive the filters of whichever pane is selected (a file's or a live tab's):
 * {@link #bind} moves them from one pane's {@link LadderFilters} to the next, and greys them out without a pane.
 */
final class FilterMenuItems {
    private record Entry(CheckMenuItem item, Function<LadderFilters, BooleanProperty> property) {
    }

    private final List<Entry> protocols = new ArrayList<>();
    private final List<Entry> others = new ArrayList<>();
    private LadderFilters bound;

    FilterMenuItems() {
        for (LadderProtocol p : LadderProtocol.values()) {
            protocols.add(new Entry(new CheckMenuItem("Show " + CapturePane.protocolName(p)), f -> f.protocol(p)));
        }
        others.add(new Entry(new CheckMenuItem("Hide refreshes"), LadderFilters::hideRefreshesProperty));
        others.add(new Entry(new CheckMenuItem("Hide keep-alives"), LadderFilters::hideKeepAlivesProperty));
        others.add(new Entry(new CheckMenuItem("Hide retransmissions"), LadderFilters::hideRetransmissionsProperty));
        others.add(new Entry(new CheckMenuItem("Collapse repeated exchanges"), LadderFilters::collapseProperty));
        others.add(new Entry(new CheckMenuItem("A Column for Every Address"), LadderFilters::everyAddressProperty));
        bind(null);
    }

    /** "Show SIP" … "Show ChannelData". */
    List<MenuItem> protocolItems() {
        return protocols.stream().map(e -> (MenuItem) e.item()).toList();
    }

    /** The hide, collapse and column items. */
    List<MenuItem> otherItems() {
        return others.stream().map(e -> (MenuItem) e.item()).toList();
    }

    /** The items now show and change these filters; null: no pane, the items are disabled. */
    void bind(LadderFilters f) {
        if (f == bound && f != null) {
            return;
        }
        List<Entry> all = new ArrayList<>(protocols);
        all.addAll(others);
        for (Entry e : all) {
            if (bound != null) {
                e.item().selectedProperty().unbindBidirectional(e.property().apply(bound));
            }
            e.item().setDisable(f == null);
            if (f != null) {
                e.item().selectedProperty().bindBidirectional(e.property().apply(f));
            }
        }
        bound = f;
    }
}
