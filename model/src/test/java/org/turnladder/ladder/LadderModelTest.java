package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;

/** Columns, filters, collapsing, finding marks, search and times of a built ladder. */
class LadderModelTest {
    private static final List<DecodedMessage> RFC6062 = TestCaptures.decode(TestCaptures.path("coturn-rfc6062.pcapng"));

    private static LadderModel build(String capture, LadderOptions options) {
        return LadderModel.build(TestCaptures.decode(TestCaptures.path(capture)), Columns.byHost(), List.of(),
                options);
    }

    @Test
    void columnsByHostFollowFirstAppearanceAndArrowsPointBetweenThem() {
        LadderModel m = LadderModel.build(RFC6062, Columns.byHost(), List.of(), LadderOptions.showAll());
        assertThat(m.columns()).extracting(LadderColumn::title).containsExactly("127.0.0.3", "127.0.0.2", "127.0.0.4");
        assertThat(m.columns().get(0).headerText()).isEqualTo("127.0.0.3");
        assertThat(m.rowCount()).isEqualTo(RFC6062.size());
        LadderRow peerLeg = m.row(m.rowOfFrame(26));
        assertThat(peerLeg.from()).isEqualTo(1);
        assertThat(peerLeg.to()).isEqualTo(2);
    }

    @Test
    void roleColumnsAreOrderedByRoleAndMergeAddressesOfOneRole() {
        List<DecodedMessage> sip = TestCaptures.decode(TestCaptures.path("sipp-appsharing-accepted-tcp.pcap"));
        List<DecodedMessage> both = new java.util.ArrayList<>(RFC6062);
        both.addAll(sip);
        Columns roles = new RoleColumns(Map.of(
                "127.0.0.2", Role.EXPRESSWAY_E, "127.0.0.3", Role.CMS, "127.0.0.4", Role.SKYPE_EDGE,
                "127.0.0.7", Role.SKYPE_CLIENT, "127.0.0.8", Role.SKYPE_EDGE), Map.of());
        LadderModel m = LadderModel.build(both, roles, List.of(), LadderOptions.showAll());
        assertThat(m.columns()).extracting(LadderColumn::title)
                .containsExactly("Skype client", "Skype Edge", "Expressway-E", "CMS");
        LadderColumn edge = m.columns().get(1);
        assertThat(edge.addresses()).containsExactly("127.0.0.4", "127.0.0.8");
        assertThat(edge.headerText()).isEqualTo("Skype Edge\n127.0.0.4, 127.0.0.8");
        LadderRow allocate = m.row(0);
        assertThat(allocate.from()).isEqualTo(3);
        assertThat(allocate.to()).isEqualTo(2);
    }

    @Test
    void aNamedBoxGetsItsOwnColumnAndUnknownAddressesComeLast() {
        Columns roles = new RoleColumns(Map.of("127.0.0.4", Role.SKYPE_CLIENT), Map.of("127.0.0.2", "coturn"));
        LadderModel m = LadderModel.build(RFC6062, roles, List.of(), LadderOptions.showAll());
        assertThat(m.columns()).extracting(LadderColumn::title).containsExactly("Skype client", "127.0.0.3", "coturn");
        assertThat(m.columns().get(2).headerText()).isEqualTo("coturn\n127.0.0.2");
    }

    @Test
    void findingsMarkTheRowsOfTheirFrames() {
        Finding f = new Finding("turn.example", Severity.WARNING, "t", "d", "x", List.of(16L, 66L));
        LadderModel m = LadderModel.build(RFC6062, Columns.byHost(), List.of(f), LadderOptions.showAll());
        assertThat(m.rowsWithFinding("turn.example")).hasSize(3); // frame 66 holds two messages
        assertThat(m.row(m.rowOfFrame(16)).findingIds()).containsExactly("turn.example");
        assertThat(m.row(m.rowOfFrame(12)).findingIds()).isEmpty();
    }

    @Test
    void protocolFilterKeepsOnlyChosenProtocols() {
        LadderModel m = LadderModel.build(RFC6062, Columns.byHost(), List.of(),
                LadderOptions.showAll().withProtocols(EnumSet.of(LadderProtocol.ICE)));
        assertThat(m.rows()).isNotEmpty().allMatch(r -> r.style().protocol() == LadderProtocol.ICE);
        assertThat(m.rowCount()).isEqualTo(16); // 9 on the first data connection, 7 on the second
    }

    @Test
    void hidingRefreshesKeepsTheDeallocation() {
        LadderModel m = build("coturn-udp-allocation.pcap", LadderOptions.showAll().withHideRefreshes(true));
        assertThat(m.rows()).extracting(LadderRow::label).noneMatch(l -> l.startsWith("Refresh 6")
                || l.startsWith("Refresh 7")).anyMatch(l -> l.startsWith("Refresh lifetime=0"));
    }

    @Test
    void hidingKeepAlivesAndRetransmissions() {
        LadderModel all = build("libnice-msice2-udp.pcap", LadderOptions.showAll());
        LadderModel m = build("libnice-msice2-udp.pcap",
                LadderOptions.showAll().withHideKeepAlives(true).withHideRetransmissions(true));
        assertThat(all.rowCount()).isEqualTo(9);
        assertThat(m.rows()).extracting(LadderRow::frame).containsExactly(1L, 3L, 5L, 6L);
    }

    @Test
    void oneTurnSessionIncludesItsDataConnectionsAndThePeerLeg() {
        LadderFeed feed = new LadderFeed();
        RFC6062.forEach(feed::add);
        assertThat(feed.turnSessions()).hasSize(1);
        TurnSession s = feed.turnSessions().get(0);
        assertThat(s.relayed()).hasToString("127.0.0.2:49160");
        assertThat(s.connectionIds()).hasSize(2);
        assertThat(s.dataConnections()).hasSize(2);
        LadderModel m = LadderModel.build(feed, Columns.byHost(), List.of(), LadderOptions.showAll().withTurnSession(0));
        assertThat(m.rowCount()).isEqualTo(RFC6062.size());
    }

    @Test
    void oneTurnSessionAmongSeveralShowsOnlyItsOwnMessages() {
        LadderFeed feed = new LadderFeed();
        TestCaptures.decode(TestCaptures.path("coturn-uclient-tcp-relay.pcapng")).forEach(feed::add);
        assertThat(feed.turnSessions()).hasSize(3);
        LadderModel m = LadderModel.build(feed, Columns.byHost(), List.of(), LadderOptions.showAll().withTurnSession(1));
        assertThat(m.rows()).allMatch(r -> r.entry().turnSession() == 1);
        assertThat(m.rows()).extracting(LadderRow::label).contains("ConnectionBind cid=0xd7831700",
                "Connect peer=127.0.0.2:49161 → Success cid=0xd7831700");
        assertThat(m.rows()).extracting(LadderRow::label).doesNotContain("ConnectionBind cid=0xc98b4200");
    }

    @Test
    void oneCallKeepsItsSipMessagesOnly() {
        List<DecodedMessage> both = new java.util.ArrayList<>(
                TestCaptures.decode(TestCaptures.path("sipp-appsharing-rejected.pcap")));
        both.addAll(RFC6062);
        LadderFeed feed = new LadderFeed();
        both.forEach(feed::add);
        assertThat(feed.callIds()).hasSize(1);
        String call = feed.callIds().get(0);
        LadderModel m = LadderModel.build(feed, Columns.byHost(), List.of(), LadderOptions.showAll().withCall(call));
        assertThat(m.rowCount()).isEqualTo(4);
        assertThat(m.rows()).allMatch(r -> call.equals(r.entry().callId()));
        assertThat(m.columns()).extracting(LadderColumn::title).containsExactly("127.0.0.7", "127.0.0.8");
        LadderModel none = LadderModel.build(feed, Columns.byHost(), List.of(),
                LadderOptions.showAll().withCall("no-such-call"));
        assertThat(none.rowCount()).isZero();
        assertThat(none.columns()).isEmpty();
    }

    @Test
    void repeatedExchangesCollapseIntoRowsWithCounts() {
        LadderModel m = build("coturn-wrong-password.pcap", LadderOptions.defaults());
        LadderModel all = build("coturn-wrong-password.pcap", LadderOptions.showAll());
        assertThat(m.rowCount()).isEqualTo(4);
        LadderRow retry = m.row(2);
        assertThat(retry.count()).isEqualTo((all.rowCount() - 2) / 2);
        assertThat(retry.label()).isEqualTo("Allocate UDP with credentials ×" + retry.count());
        assertThat(retry.members()).extracting(LadderEntry::frame).startsWith(3L, 5L, 7L);
        assertThat(m.row(3).style().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(m.rowOfFrame(7)).isEqualTo(2);
        assertThat(m.rowOfFrame(8)).isEqualTo(3);
    }

    @Test
    void collapsedChannelDataSumsTheBytes() {
        LadderModel m = build("coturn-tcp-allocation.pcap", LadderOptions.showAll().withCollapseAt(2));
        assertThat(m.rows()).extracting(LadderRow::label).contains("ChannelData 0x" + channel(m) + " ×2 (200 B)");
    }

    private static String channel(LadderModel m) {
        return m.rows().stream().map(LadderRow::label).filter(l -> l.startsWith("ChannelData 0x")).findFirst()
                .orElseThrow().substring(14, 18);
    }

    @Test
    void findTextSearchesLabelsAndWraps() {
        LadderModel m = LadderModel.build(RFC6062, Columns.byHost(), List.of(), LadderOptions.showAll());
        List<Integer> hits = m.find("connectionbind");
        assertThat(hits).hasSize(4);
        assertThat(m.findNext("connectionbind", hits.get(3), true)).isEqualTo(hits.get(0));
        assertThat(m.findNext("connectionbind", hits.get(0), false)).isEqualTo(hits.get(3));
        assertThat(m.findNext("no such text", 0, true)).isEqualTo(-1);
    }

    @Test
    void timesAreAbsoluteRelativeOrDelta() {
        LadderModel m = build("coturn-stale-nonce.pcap", LadderOptions.showAll());
        assertThat(TimeMode.RELATIVE.format(m, 0)).isEqualTo("0.000000");
        assertThat(TimeMode.DELTA.format(m, 0)).isEqualTo("+0.000000");
        assertThat(TimeMode.ABSOLUTE.format(m, 0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        // frame 7 comes 3.5 s after the CreatePermission success
        int r = m.rowOfFrame(7);
        assertThat(TimeMode.DELTA.format(m, r)).startsWith("+3.");
        double rel = Double.parseDouble(TimeMode.RELATIVE.format(m, r));
        double prev = Double.parseDouble(TimeMode.RELATIVE.format(m, r - 1));
        assertThat(rel - prev).isEqualTo(Double.parseDouble(TimeMode.DELTA.format(m, r)), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aFeedGrownMessageByMessageGivesTheSameLadderAsABatch() {
        LadderFeed feed = new LadderFeed();
        LadderModel partial = null;
        for (int i = 0; i < RFC6062.size(); i++) {
            feed.add(RFC6062.get(i));
            if (i == 10) {
                partial = LadderModel.build(feed, Columns.byHost(), List.of(), LadderOptions.showAll());
            }
        }
        LadderModel live = LadderModel.build(feed, Columns.byHost(), List.of(), LadderOptions.showAll());
        LadderModel batch = LadderModel.build(RFC6062, Columns.byHost(), List.of(), LadderOptions.showAll());
        assertThat(partial.rowCount()).isEqualTo(11);
        assertThat(live.rows()).extracting(LadderRow::label).isEqualTo(batch.rows().stream().map(LadderRow::label).toList());
    }
}
