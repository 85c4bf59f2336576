package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.turnladder.ladder.BusyLadder.host;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Role;
import org.turnladder.decode.TestCaptures;

/** Boxes of a role beyond {@link LadderOptions#columnsPerRole()} share one column; the busiest keep their own. */
class LadderColumnGroupingTest {

    /** Host 0 talks to hosts 1..6: 5, 1, 3, 1, 1 and 1 messages. Messages touching: 0→12, 1→5, 3→3, others 1. */
    private static LadderFeed hub() {
        return new BusyLadder().send(0, 1, 5).send(0, 2, 1).send(0, 3, 3).send(0, 4, 1).send(0, 5, 1).send(0, 6, 1)
                .feed();
    }

    private static LadderModel build(LadderFeed feed, LadderOptions o) {
        return LadderModel.build(feed, Columns.byHost(), List.of(), o);
    }

    @Test
    void theBusiestAddressesKeepTheirColumnsInOrderOfAppearanceAndTheRestShareATrailingOne() {
        LadderModel m = build(hub(), LadderOptions.showAll().withColumnsPerRole(4));
        assertThat(m.columns()).extracting(LadderColumn::title)
                .containsExactly(host(0), host(1), host(3), "Other addresses");
        LadderColumn other = m.columns().get(3);
        assertThat(other.grouped()).isTrue();
        assertThat(other.addressCount()).isEqualTo(4);
        assertThat(other.addresses()).containsExactly(host(2), host(4), host(5), host(6));
        assertThat(other.addressLine()).isEqualTo("4 addresses: " + host(2) + ", " + host(4) + ", …");
        assertThat(m.rows()).filteredOn(r -> r.label().equals("0→2 #0")).singleElement()
                .satisfies(r -> assertThat(r.to()).isEqualTo(3));
    }

    @Test
    void tiesGoToTheAddressSeenFirst() {
        LadderModel m = build(hub(), LadderOptions.showAll().withColumnsPerRole(5));
        assertThat(m.columns()).extracting(LadderColumn::title)
                .containsExactly(host(0), host(1), host(2), host(3), "Other addresses");
        assertThat(m.columns().get(4).addresses()).containsExactly(host(4), host(5), host(6));
    }

    @Test
    void noColumnIsMergedUpToTheLimitOrWithoutLimit() {
        assertThat(build(hub(), LadderOptions.showAll().withColumnsPerRole(7)).columns())
                .hasSize(7).noneMatch(LadderColumn::grouped);
        assertThat(build(hub(), LadderOptions.showAll().withColumnsPerRole(0)).columns())
                .hasSize(7).noneMatch(LadderColumn::grouped);
        assertThat(LadderOptions.defaults().columnsPerRole()).isEqualTo(LadderOptions.DEFAULT_COLUMNS_PER_ROLE);
        assertThatThrownBy(() -> LadderOptions.defaults().withColumnsPerRole(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageBetweenTwoMergedAddressesIsALoopOnTheirColumn() {
        LadderFeed feed = hub();
        new BusyLadder(feed).send(5, 6, "between merged");
        LadderModel m = build(feed, LadderOptions.showAll().withColumnsPerRole(3));
        LadderRow loop = m.rows().stream().filter(r -> r.label().equals("between merged")).findFirst().orElseThrow();
        int other = m.columns().size() - 1;
        assertThat(m.columns().get(other).grouped()).isTrue();
        assertThat(loop.from()).isEqualTo(other);
        assertThat(loop.to()).isEqualTo(other);
    }

    @Test
    void knownRolesComeFirstAndACrowdedRoleMergesItsQuietestBoxesAtTheEndOfItsColumns() {
        BusyLadder b = new BusyLadder();
        b.send(10, 20, 4).send(11, 20, 1).send(12, 20, 2).send(20, 30, 1).send(20, 31, 1).send(20, 32, 1);
        Map<String, Role> roles = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int cms = 10; cms <= 12; cms++) {
            roles.put(host(cms), Role.CMS);
            names.put(host(cms), "CMS " + cms);
        }
        roles.put(host(20), Role.EXPRESSWAY_E);
        LadderModel m = LadderModel.build(b.feed(), new RoleColumns(roles, names), List.of(),
                LadderOptions.showAll().withColumnsPerRole(2));
        assertThat(m.columns()).extracting(LadderColumn::title).containsExactly(
                "Expressway-E", "CMS 10", "Other CMS boxes", host(30), "Other addresses");
        assertThat(m.columns().get(2).role()).isEqualTo(Role.CMS);
        assertThat(m.columns().get(2).addressLine()).isEqualTo("2 addresses: " + host(11) + ", " + host(12));
        assertThat(m.columns().get(4).addressLine()).isEqualTo("2 addresses: " + host(31) + ", " + host(32));
    }

    @Test
    void narrowingToOneTurnSessionGivesItsAddressesTheirOwnColumnsAgain() {
        LadderFeed feed = new LadderFeed();
        TestCaptures.decode(TestCaptures.path("coturn-rfc6062.pcapng")).forEach(feed::add);
        BusyLadder noise = new BusyLadder(feed);
        for (int pair = 0; pair < 15; pair++) { // 30 addresses, each busier than any of the session's
            noise.send(100 + 2 * pair, 101 + 2 * pair, 200);
        }
        LadderFeed busy = feed;
        LadderModel all = build(busy, LadderOptions.defaults());
        assertThat(all.columns()).hasSize(LadderOptions.DEFAULT_COLUMNS_PER_ROLE);
        LadderColumn other = all.columns().get(all.columns().size() - 1);
        assertThat(other.grouped()).isTrue();
        assertThat(other.addressCount()).isEqualTo(30 + 3 - (LadderOptions.DEFAULT_COLUMNS_PER_ROLE - 1));
        assertThat(all.columns()).extracting(LadderColumn::title).doesNotContain("127.0.0.2", "127.0.0.3");

        LadderModel session = build(busy, LadderOptions.defaults().withTurnSession(0));
        assertThat(session.columns()).extracting(LadderColumn::title)
                .containsExactly("127.0.0.3", "127.0.0.2", "127.0.0.4");
        assertThat(session.columns()).noneMatch(LadderColumn::grouped);
    }

    @Test
    void theHeaderOfThousandsOfMergedAddressesStaysShortAndKeepsOnlyAFew() {
        BusyLadder b = new BusyLadder();
        for (int h = 1; h <= 5000; h++) {
            b.send(0, h, "to " + h);
        }
        LadderModel m = build(b.feed(), LadderOptions.defaults());
        assertThat(m.columns()).hasSize(LadderOptions.DEFAULT_COLUMNS_PER_ROLE);
        LadderColumn other = m.columns().get(m.columns().size() - 1);
        assertThat(other.addressCount()).isEqualTo(5001 - (LadderOptions.DEFAULT_COLUMNS_PER_ROLE - 1));
        assertThat(other.addresses()).hasSizeLessThanOrEqualTo(LadderColumn.KEPT_ADDRESSES);
        assertThat(other.addressLine()).startsWith("4 990 addresses: ").hasSizeLessThan(80);
        assertThat(other.headerText()).isEqualTo("Other addresses\n" + other.addressLine());
    }

    @Test
    void aBoxWithManyAddressesShowsTheFirstThreeAndTheCount() {
        List<String> seven = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7");
        LadderColumn big = new LadderColumn(0, new ColumnId("role:CMS", Role.CMS, "CMS"), seven);
        assertThat(big.addresses()).containsExactly("a1", "a2", "a3", "a4");
        assertThat(big.addressCount()).isEqualTo(7);
        assertThat(big.addressLine()).isEqualTo("a1, a2, a3, … (7 addresses)");
        LadderColumn two = new LadderColumn(0, new ColumnId("role:CMS", Role.CMS, "CMS"), List.of("a1", "a2"));
        assertThat(two.addressLine()).isEqualTo("a1, a2");
        assertThat(LadderColumn.count(8222)).isEqualTo("8 222");
        assertThat(LadderColumn.count(999)).isEqualTo("999");
        assertThat(LadderColumn.count(1_234_567)).isEqualTo("1 234 567");
    }

    @Test
    void theSameFeedAndOptionsGiveTheSameColumns() {
        LadderOptions o = LadderOptions.showAll().withColumnsPerRole(3);
        assertThat(build(hub(), o).columns()).isEqualTo(build(hub(), o).columns());
    }
}
