package org.turnladder.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderProtocol;

/** What the filter bar and the View menu turn into for the ladder model. */
class LadderFiltersTest {
    @Test
    void aBusyRolesExtraBoxesShareAColumnUntilTheUserAsksForEveryAddress() {
        LadderFilters f = new LadderFilters();
        assertThat(f.options().columnsPerRole()).isEqualTo(LadderOptions.DEFAULT_COLUMNS_PER_ROLE);
        f.everyAddressProperty().set(true);
        assertThat(f.options().columnsPerRole()).as("0: no limit").isZero();
    }

    @Test
    void resetBringsBackTheStartingFilters() {
        LadderFilters f = new LadderFilters();
        LadderOptions start = f.options();
        f.everyAddressProperty().set(true);
        f.protocol(LadderProtocol.SIP).set(false);
        f.hideRefreshesProperty().set(true);
        f.onlyTurnSession(3, "TURN a → b");
        f.reset();
        assertThat(f.options()).isEqualTo(start);
        assertThat(f.scopeTextProperty().get()).isNull();
    }

    @Test
    void everyChangeGivesNewOptions() {
        LadderFilters f = new LadderFilters();
        LadderOptions before = f.options();
        f.everyAddressProperty().set(true);
        assertThat(f.optionsProperty().get()).isNotEqualTo(before);
    }
}
