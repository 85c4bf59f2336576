package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Analyzer;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.net.Endpoint;

/**
 * Extending a ladder with a grown feed gives exactly the ladder built from the whole feed — rows (frames,
 * columns, labels, finding marks) and columns — whatever the split points, options, columns and findings; and it
 * reuses the old rows when nothing forces a full build.
 */
class LadderExtendTest {

    private static final List<LadderOptions> OPTIONS = List.of(
            LadderOptions.showAll(),
            LadderOptions.defaults(),
            LadderOptions.defaults().withCollapseAt(2).withColumnsPerRole(2),
            LadderOptions.defaults().withColumnsPerRole(3).withHideRetransmissions(true).withHideKeepAlives(true),
            LadderOptions.showAll().withProtocols(EnumSet.of(LadderProtocol.SIP, LadderProtocol.TURN))
                    .withHideRefreshes(true),
            LadderOptions.defaults().withTurnSession(1),
            LadderOptions.defaults().withCall("call-1"));

    @Test
    void extendingRandomFeedsAtRandomSplitsEqualsBuildingTheWhole() {
        Random rnd = new Random(6062);
        int extended = 0;
        int rebuilt = 0;
        for (int round = 0; round < 60; round++) {
            Synthetic feed = Synthetic.random(rnd, 50 + rnd.nextInt(400));
            Columns columns = round % 3 == 0 ? Columns.byHost() : feed.roles(rnd);
            List<Finding> findings = feed.findings(rnd);
            for (LadderOptions o : OPTIONS) {
                int[] cuts = cuts(rnd, feed.entries.size());
                LadderModel m = null;
                for (int cut : cuts) {
                    LadderSnapshot s = feed.snapshot(cut);
                    // findings of a prefix only name frames it has
                    List<Finding> seen = cut == feed.entries.size() ? findings : feed.upTo(findings, cut);
                    int before = m == null ? 0 : m.rowCount();
                    m = LadderModel.extend(m, s, columns, seen, o);
                    assertSame(m, LadderModel.build(s, columns, seen, o));
                    if (m.reusedRowCount() > 0) {
                        extended++;
                    } else if (before > 0) {
                        rebuilt++;
                    }
                }
            }
        }
        // both paths are exercised: the equality above is not only that of two full builds
        assertThat(extended).isGreaterThan(100);
        assertThat(rebuilt).isGreaterThan(20);
    }

    @Test
    void extendingRealCapturesAtRandomSplitsEqualsBuildingTheWhole() {
        Random rnd = new Random(3478);
        for (Path capture : TestCaptures.all()) {
            List<DecodedMessage> messages = TestCaptures.decode(capture);
            LadderFeed feed = new LadderFeed();
            Analyzer analyzer = new Analyzer(Map.of());
            List<Integer> cuts = new ArrayList<>();
            for (int cut : cuts(rnd, messages.size())) {
                cuts.add(cut);
            }
            for (LadderOptions o : List.of(LadderOptions.showAll(), LadderOptions.defaults(),
                    LadderOptions.defaults().withColumnsPerRole(2).withHideRetransmissions(true))) {
                feed = new LadderFeed();
                analyzer = new Analyzer(Map.of());
                LadderModel m = null;
                int fed = 0;
                for (int cut : cuts) {
                    for (; fed < cut; fed++) {
                        feed.add(messages.get(fed));
                        analyzer.message(messages.get(fed));
                    }
                    Analysis a = analyzer.snapshot(cut == messages.size());
                    Columns columns = RoleColumns.of(a.roles());
                    LadderSnapshot s = feed.snapshot();
                    m = LadderModel.extend(m, s, columns, a.findings(), o);
                    assertSame(m, LadderModel.build(s, columns, a.findings(), o));
                }
            }
        }
    }

    @Test
    void aGrowingCaptureReusesTheSettledRows() {
        Random rnd = new Random(1);
        Synthetic feed = Synthetic.random(rnd, 2000);
        Columns columns = Columns.byHost();
        LadderModel first = LadderModel.build(feed.snapshot(1000), columns, List.of(), LadderOptions.showAll());
        LadderModel grown = LadderModel.extend(first, feed.snapshot(2000), columns, List.of(),
                LadderOptions.showAll());
        assertThat(first.settledRowCount()).isEqualTo(first.rowCount());
        assertThat(grown.reusedRowCount()).isEqualTo(first.rowCount());
        assertThat(grown.row(999)).isSameAs(first.row(999));
    }

    @Test
    void aRunAtTheEndStaysOpenAndGrowsIntoOneRow() {
        Synthetic feed = new Synthetic();
        for (int i = 0; i < 3; i++) {
            feed.add(0, 1, "Binding indication", LadderProtocol.ICE);
        }
        LadderModel three = LadderModel.build(feed.snapshot(3), Columns.byHost(), List.of(),
                LadderOptions.defaults());
        assertThat(three.rows()).hasSize(1);
        assertThat(three.settledRowCount()).isZero();
        feed.add(0, 1, "Binding indication", LadderProtocol.ICE);
        feed.add(1, 0, "SIP OPTIONS", LadderProtocol.SIP);
        LadderModel five = LadderModel.extend(three, feed.snapshot(5), Columns.byHost(), List.of(),
                LadderOptions.defaults());
        assertThat(five.rows()).extracting(LadderRow::label).containsExactly("Binding indication ×4", "SIP OPTIONS");
        assertThat(five.settledRowCount()).isEqualTo(1);
    }

    @Test
    void aFindingThatNowMarksAnOldRowBuildsTheWholeLadder() {
        Random rnd = new Random(2);
        Synthetic feed = Synthetic.random(rnd, 300);
        LadderModel before = LadderModel.build(feed.snapshot(200), Columns.byHost(), List.of(),
                LadderOptions.showAll());
        Finding late = new Finding("late", Severity.ERROR, "t", "d", "f", List.of(feed.entries.get(10).frame()));
        LadderModel after = LadderModel.extend(before, feed.snapshot(300), Columns.byHost(), List.of(late),
                LadderOptions.showAll());
        assertThat(after.reusedRowCount()).isZero();
        assertThat(after.row(10).findingIds()).containsExactly("late");
    }

    @Test
    void anAddressMovedToAnotherBoxBuildsTheWholeLadder() {
        Synthetic feed = new Synthetic();
        feed.add(0, 1, "a", LadderProtocol.SIP);
        feed.add(1, 0, "b", LadderProtocol.SIP);
        LadderModel before = LadderModel.build(feed.snapshot(2), Columns.byHost(), List.of(),
                LadderOptions.showAll());
        feed.add(0, 1, "c", LadderProtocol.SIP);
        Columns named = new RoleColumns(Map.of(Synthetic.host(1), Role.CMS), Map.of());
        LadderModel after = LadderModel.extend(before, feed.snapshot(3), named, List.of(), LadderOptions.showAll());
        assertThat(after.reusedRowCount()).isZero();
        assertSame(after, LadderModel.build(feed.snapshot(3), named, List.of(), LadderOptions.showAll()));
    }

    @Test
    void aSnapshotOfAnotherFeedBuildsTheWholeLadder() {
        Random rnd = new Random(3);
        Synthetic one = Synthetic.random(rnd, 100);
        Synthetic other = Synthetic.random(rnd, 150);
        LadderModel before = LadderModel.build(one.snapshot(100), Columns.byHost(), List.of(),
                LadderOptions.showAll());
        LadderModel after = LadderModel.extend(before, other.snapshot(150), Columns.byHost(), List.of(),
                LadderOptions.showAll());
        assertThat(after.reusedRowCount()).isZero();
        assertSame(after, LadderModel.build(other.snapshot(150), Columns.byHost(), List.of(),
                LadderOptions.showAll()));
    }

    /** Sorted split points in [0, n], ending with n. */
    private static int[] cuts(Random rnd, int n) {
        int k = 1 + rnd.nextInt(5);
        int[] c = new int[k + 1];
        for (int i = 0; i < k; i++) {
            c[i] = rnd.nextInt(n + 1);
        }
        c[k] = n;
        java.util.Arrays.sort(c);
        return c;
    }

    static void assertSame(LadderModel actual, LadderModel expected) {
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int i = 0; i < expected.rowCount(); i++) {
            LadderRow a = actual.row(i);
            LadderRow e = expected.row(i);
            assertThat(describe(a)).as("row %d", i).isEqualTo(describe(e));
        }
        assertThat(actual.messageCount()).isEqualTo(expected.messageCount());
        assertThat(actual.firstNanos()).isEqualTo(expected.firstNanos());
        assertThat(actual.lastNanos()).isEqualTo(expected.lastNanos());
        assertThat(actual.settledRowCount()).isEqualTo(expected.settledRowCount());
    }

    private static String describe(LadderRow r) {
        List<Long> frames = r.members().stream().map(LadderEntry::frame).toList();
        return r.index() + " " + frames + " " + r.from() + "→" + r.to() + " " + r.label() + " " + r.findingIds()
                + " " + r.style() + " " + r.warning();
    }

    /** Ladder entries made up directly: few hosts, repeating labels (so runs collapse), calls and sessions. */
    static final class Synthetic {
        final List<LadderEntry> entries = new ArrayList<>();
        final List<TurnSession> sessions = new ArrayList<>();
        final Map<String, java.util.Set<Endpoint>> media = new HashMap<>();

        static String host(int n) {
            return "10.0.0." + (n + 1);
        }

        static Endpoint endpoint(int n) {
            return Endpoint.parse(host(n) + ":" + (5000 + n % 3));
        }

        void add(int a, int b, String label, LadderProtocol p) {
            long frame = 2L * entries.size() + 1;
            entries.add(new LadderEntry(entries.size(), frame, frame * 1000, endpoint(a), endpoint(b), label, label,
                    new ArrowStyle(p, Outcome.NEUTRAL), false, 0, false, false, false, false, null, -1));
        }

        static Synthetic random(Random rnd, int n) {
            Synthetic s = new Synthetic();
            int hosts = 2 + rnd.nextInt(9);
            String[] labels = {"Binding request", "Binding success", "ChannelData 0x4000", "Refresh request",
                    "INVITE", "200 OK", "Binding indication"};
            LadderProtocol[] protocols = LadderProtocol.values();
            for (int i = 0; i < n; i++) {
                long frame = 2L * i + 1 + rnd.nextInt(2);
                Endpoint src;
                Endpoint dst;
                int kind = rnd.nextInt(10);
                if (kind < 4 && i > 0) { // repeats and ping-pong: what collapses
                    LadderEntry back = s.entries.get(Math.max(0, i - 1 - rnd.nextInt(2)));
                    src = back.src();
                    dst = back.dst();
                    if (rnd.nextBoolean()) {
                        src = back.dst();
                        dst = back.src();
                    }
                } else {
                    // later entries reach more hosts, so boxes appear and busiest columns change as the feed grows
                    int reach = Math.max(2, hosts * (i + 1) / n);
                    src = endpoint(rnd.nextInt(reach));
                    dst = endpoint(rnd.nextInt(reach));
                }
                String label = labels[rnd.nextInt(kind < 4 ? 2 : labels.length)];
                LadderProtocol p = protocols[Math.abs(label.hashCode() + rnd.nextInt(2)) % protocols.length];
                String callId = p == LadderProtocol.SIP ? "call-" + rnd.nextInt(3) : null;
                int session = rnd.nextInt(4) - 1;
                long bytes = p == LadderProtocol.CHANNELDATA ? rnd.nextInt(200) : 0;
                boolean retrans = rnd.nextInt(8) == 0;
                s.entries.add(new LadderEntry(i, frame + i, (frame + i) * 1000, src, dst,
                        label + (bytes > 0 ? " (" + bytes + " B)" : ""), label,
                        new ArrowStyle(p, rnd.nextInt(6) == 0 ? Outcome.ERROR : Outcome.NEUTRAL),
                        rnd.nextBoolean(), bytes, label.startsWith("Refresh"), label.endsWith("indication"), retrans,
                        rnd.nextInt(20) == 0, callId, session));
            }
            s.media.put("call-1", Set.of(endpoint(1), endpoint(4)));
            s.sessions.add(new TurnSession(1, endpoint(0), endpoint(1), org.turnladder.net.Transport.UDP, -1,
                    endpoint(4), 1, List.of(), List.of()));
            return s;
        }

        LadderSnapshot snapshot(int n) {
            return new LadderSnapshot(List.copyOf(entries.subList(0, n)), sessions, media);
        }

        /** Roles for some hosts, a name for one: several boxes per role, so the column limit groups them. */
        Columns roles(Random rnd) {
            Map<String, Role> roles = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (int h = 0; h < 10; h++) {
                Role r = Role.values()[rnd.nextInt(Role.values().length)];
                roles.put(host(h), r);
                if (rnd.nextInt(3) == 0) {
                    names.put(host(h), "box " + h);
                }
            }
            return new RoleColumns(roles, names);
        }

        /** A few findings on random frames. */
        List<Finding> findings(Random rnd) {
            List<Finding> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<Long> frames = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    frames.add(entries.get(rnd.nextInt(entries.size())).frame());
                }
                out.add(new Finding("F" + i, Severity.WARNING, "t", "d", "f", frames));
            }
            return out;
        }

        /** The findings as a prefix's analysis might have them: only frames the prefix has, empty ones dropped. */
        List<Finding> upTo(List<Finding> findings, int n) {
            long last = n == 0 ? -1 : entries.get(n - 1).frame();
            List<Finding> out = new ArrayList<>();
            for (Finding f : findings) {
                List<Long> frames = f.frames().stream().filter(x -> x <= last).toList();
                if (!frames.isEmpty()) {
                    out.add(new Finding(f.id(), f.severity(), f.title(), f.detail(), f.fix(), frames));
                }
            }
            return out;
        }
    }
}
