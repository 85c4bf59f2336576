package org.turnladder.analysis.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/** The ICE check matrix of the real captures in test-captures/ (frame numbers as in their README). */
class IceCapturesTest {

    /** A tracker fed a whole capture, and the capture time of its last message. */
    private record Fed(IceTracker tracker, long endNanos) {
        List<IcePair> pairs() {
            return tracker.pairs();
        }

        List<Finding> findings() {
            return tracker.findings(endNanos, true);
        }
    }

    private static Fed feed(Path capture) {
        IceTracker t = new IceTracker();
        long end = 0;
        for (DecodedMessage m : TestCaptures.decode(capture)) {
            t.message(m);
            end = m.epochNanos();
        }
        return new Fed(t, end);
    }

    private static Fed feed(String name) {
        return feed(TestCaptures.path(name));
    }

    private static Endpoint ep(String s) {
        return Endpoint.parse(s);
    }

    @Test
    void iceTcpChecksGoBothWaysOnBothConnectionsAndBothPairsWork() {
        Fed f = feed("libnice-ice-tcp.pcap");

        assertThat(f.pairs()).hasSize(2).allMatch(IcePair::works).allMatch(p -> p.transport() == Transport.TCP)
                .allMatch(p -> p.carrier() == null);
        IcePair first = f.pairs().get(0);
        assertThat(first.a().endpoint()).isEqualTo(ep("127.0.0.6:38935"));
        assertThat(first.b().endpoint()).isEqualTo(ep("127.0.0.5:40004"));
        assertThat(first.a().ufrag()).isEqualTo("8jVh");
        assertThat(first.b().ufrag()).isEqualTo("QaPn");
        assertThat(first.ab().requestFrames()).containsExactly(4L);
        assertThat(first.ab().responseFrames()).containsExactly(11L);
        assertThat(first.ba().requestFrames()).containsExactly(17L, 21L);
        assertThat(first.ba().responseFrames()).containsExactly(19L, 22L);
        assertThat(first.ba().role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(first.ab().role()).isEqualTo(IceRole.CONTROLLED);
        assertThat(first.nominated()).isTrue(); // frame 21 carries USE-CANDIDATE
        assertThat(first.ba().nominationFrame()).isEqualTo(22);
        IcePair second = f.pairs().get(1);
        assertThat(second.ab().requestFrames()).containsExactly(9L);
        assertThat(second.ba().requestFrames()).containsExactly(15L);
        assertThat(second.nominated()).isFalse();
        assertThat(f.findings()).isEmpty();
    }

    @Test
    void msIce2OverUdpWorksAndTheDoubledFirstCheckIsOneRetransmission() {
        Fed f = feed("libnice-msice2-udp.pcap");

        assertThat(f.pairs()).hasSize(1);
        IcePair p = f.pairs().get(0);
        assertThat(p.works()).isTrue();
        assertThat(p.nominated()).isTrue();
        assertThat(p.a().ufrag()).isEqualTo("xFtr"); // USERNAME zero-filled on the wire
        assertThat(p.b().ufrag()).isEqualTo("vv7P");
        for (IceDirection d : List.of(p.ab(), p.ba())) {
            assertThat(d.msIce2()).isTrue();
            assertThat(d.requests()).isEqualTo(1);
            assertThat(d.retransmissions()).isEqualTo(1);
            assertThat(d.indications()).isEqualTo(1);
            assertThat(d.roundTrip().count()).isEqualTo(1);
        }
        assertThat(p.ab().requestFrames()).containsExactly(1L, 2L);
        assertThat(p.ba().requestFrames()).containsExactly(3L, 4L);
        assertThat(p.ba().responseFrames()).containsExactly(6L, 7L);
        assertThat(f.findings()).isEmpty();
    }

    @Test
    void msIce2OverTcpWorksAndTheCheckLibniceNeverAnsweredIsOnlyInfo() {
        Fed f = feed("libnice-msice2-tcp.pcap");

        assertThat(f.pairs()).hasSize(2);
        IcePair selected = f.pairs().get(0);
        assertThat(selected.works()).isTrue();
        assertThat(selected.nominated()).isTrue(); // check 23 with USE-CANDIDATE
        assertThat(selected.ab().requestFrames()).containsExactly(4L, 6L);
        assertThat(selected.ab().retransmissions()).isEqualTo(1);
        assertThat(selected.ab().msIce2()).isTrue();
        // on the other connection the left agent's first check (11, again as 13) got no answer in the capture
        IcePair other = f.pairs().get(1);
        assertThat(other.ab().requestFrames()).containsExactly(11L, 13L);
        assertThat(other.ab().retransmissions()).isEqualTo(1);
        assertThat(other.ab().unanswered()).isTrue();
        assertThat(other.ba().works()).isTrue();

        assertThat(f.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
        assertThat(f.findings()).extracting(Finding::id)
                .containsExactly(IceTracker.CHECK_UNANSWERED, IceTracker.ONE_WAY);
        assertThat(f.findings().get(0).frames()).containsExactly(11L, 13L);
    }

    @Test
    void rfc6062ChecksWorkInsideBothDataConnectionsAndOnBothRelayPeerLegs() {
        Fed f = feed("coturn-rfc6062.pcapng");

        assertThat(f.pairs()).hasSize(4).allMatch(IcePair::works).allMatch(IcePair::nominated)
                .allMatch(p -> p.transport() == Transport.TCP);
        IcePair data1 = f.pairs().get(0);
        assertThat(data1.carrier()).isEqualTo(new IceCarrier(IceCarrier.Kind.RFC6062_DATA, 2,
                ep("127.0.0.3:43163"), ep("127.0.0.2:3478")));
        assertThat(data1.a().ufrag()).isEqualTo("c7Hn");
        assertThat(data1.b().ufrag()).isEqualTo("Yq5v");
        assertThat(data1.a().seenAs()).containsExactly(ep("127.0.0.2:49160")); // the client's relayed address
        assertThat(data1.b().seenAs()).containsExactly(ep("127.0.0.4:52044")); // the peer, as the relay sees it
        assertThat(data1.ab().requestFrames()).containsExactly(25L);
        assertThat(data1.ab().responseFrames()).containsExactly(30L);
        assertThat(data1.ba().requestFrames()).containsExactly(34L);
        assertThat(data1.ba().responseFrames()).containsExactly(36L);

        IcePair leg1 = f.pairs().get(1);
        assertThat(leg1.carrier()).isNull();
        assertThat(leg1.a().endpoint()).isEqualTo(ep("127.0.0.2:49160"));
        assertThat(leg1.b().endpoint()).isEqualTo(ep("127.0.0.4:52044"));
        assertThat(leg1.ab().requestFrames()).containsExactly(26L);
        assertThat(leg1.ba().requestFrames()).containsExactly(32L);

        IcePair leg2 = f.pairs().get(2);
        assertThat(leg2.a().endpoint()).isEqualTo(ep("127.0.0.4:45227")); // the peer opened it and checked first
        assertThat(leg2.ab().requestFrames()).containsExactly(57L);
        assertThat(leg2.ab().responseFrames()).containsExactly(69L);

        IcePair data2 = f.pairs().get(3);
        assertThat(data2.carrier().kind()).isEqualTo(IceCarrier.Kind.RFC6062_DATA);
        assertThat(data2.carrier().connection()).isEqualTo(4);
        assertThat(data2.ab().requestFrames()).containsExactly(66L); // behind the ConnectionBind success
        assertThat(data2.ba().requestFrames()).containsExactly(71L);
        assertThat(f.findings()).isEmpty();
    }

    @Test
    void rfc6062OverIpv6ChecksWorkInsideTheDataConnection() {
        Fed f = feed("synthetic/rfc6062-ipv6-sll2.pcapng");

        assertThat(f.pairs()).hasSize(1);
        IcePair p = f.pairs().get(0);
        assertThat(p.carrier()).isEqualTo(new IceCarrier(IceCarrier.Kind.RFC6062_DATA, 1,
                ep("[2001:db8::50]:3478"), ep("[2001:db8::20]:40001")));
        assertThat(p.a().ufrag()).isEqualTo("Yq5v");
        assertThat(p.a().seenAs()).containsExactly(ep("[2001:db8::10]:52044"));
        assertThat(p.ab().requestFrames()).containsExactly(17L);
        assertThat(p.ba().requestFrames()).containsExactly(19L);
        assertThat(p.works()).isTrue();
        assertThat(p.nominated()).isTrue();
        assertThat(f.findings()).isEmpty();
    }

    @Test
    void checksInsideMsTurnDataFramesAreCarriedByTheMsTurnConnection() {
        Fed f = feed("synthetic/ms-turn-edge-pseudo-tls.pcapng");

        assertThat(f.pairs()).hasSize(1);
        IcePair p = f.pairs().get(0);
        assertThat(p.carrier()).isEqualTo(new IceCarrier(IceCarrier.Kind.MS_TURN, 0,
                ep("10.20.30.40:50110"), ep("203.0.113.10:443")));
        assertThat(p.a().ufrag()).isEqualTo("Yq5v");
        assertThat(p.b().ufrag()).isEqualTo("c7Hn");
        assertThat(p.ab().msIce2()).isTrue();
        assertThat(p.ab().requestFrames()).containsExactly(11L);
        assertThat(p.ab().responseFrames()).containsExactly(12L);
        assertThat(p.ab().works()).isTrue();
        // only the Skype client's check is in this capture: no pair can be shown to work both ways
        assertThat(p.ba().requests()).isZero();
        assertThat(f.tracker().findings(f.endNanos(), false)).isEmpty(); // live: the far agent may still check
        List<Finding> findings = f.findings();
        assertThat(findings).extracting(Finding::id).containsExactly(IceTracker.NO_WORKING_PAIR);
        assertThat(findings.get(0).frames()).containsExactly(11L, 12L);
        assertThat(findings.get(0).detail()).contains("Only agent Yq5v sent checks");
    }

    /** libnice-one-way has checks and is meant to raise ICE findings: it has its own test. */
    @Test
    void onlyCapturesWithChecksHavePairsAndTheOthersRaiseNoIceFinding() {
        List<String> withChecks = new java.util.ArrayList<>();
        for (Path capture : TestCaptures.all()) {
            Fed f = feed(capture);
            if (f.pairs().isEmpty()) {
                assertThat(f.findings()).as(capture.toString()).isEmpty();
            } else {
                withChecks.add(TestCaptures.dir().relativize(capture).toString());
            }
        }
        assertThat(withChecks).containsExactlyInAnyOrder("coturn-rfc6062.pcapng", "libnice-ice-tcp.pcap",
                "libnice-msice2-tcp.pcap", "libnice-msice2-udp.pcap", "libnice-one-way.pcap", "libnice-turn-udp.pcap",
                "synthetic/ms-turn-edge-pseudo-tls.pcapng",
                "synthetic/rfc6062-ipv6-sll2.pcapng");
    }

    @ParameterizedTest
    @ValueSource(strings = {"coturn-rfc6062.pcapng", "coturn-udp-allocation.pcap", "libnice-ice-tcp.pcap",
            "sipp-appsharing-accepted-tcp.pcap"})
    void cleanCapturesRaiseNoIceError(String name) {
        assertThat(feed(name).findings()).noneMatch(x -> x.severity() == Severity.ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coturn-udp-allocation.pcap", "coturn-tcp-allocation.pcap",
            "coturn-uclient-tcp-relay.pcapng", "sipp-appsharing-accepted-tcp.pcap",
            "synthetic/stun-icmp-unreachable.pcap"})
    void bindingsToTurnServersAndRawRelayedDataAreNoChecks(String name) {
        assertThat(feed(name).pairs()).isEmpty();
    }

    private static Path oneWayCapture() {
        return TestCaptures.path("libnice-one-way.pcap");
    }

    @Test
    void answersDroppedOneWayGiveUnansweredOneWayAndNoWorkingPair() {
        Path capture = oneWayCapture();
        Fed f = feed(capture);

        assertThat(f.pairs()).hasSize(1);
        IcePair p = f.pairs().get(0);
        assertThat(p.a().endpoint()).isEqualTo(ep("127.0.0.6:40315"));
        assertThat(p.ab().works()).isTrue(); // right → left: request 1, success 3
        assertThat(p.ba().requests()).isEqualTo(2); // left → right: 2 and 5 (again as 6 and 7)
        assertThat(p.ba().retransmissions()).isEqualTo(2);
        assertThat(p.ba().useCandidate()).isTrue();
        assertThat(p.ba().nominated()).isFalse();
        assertThat(p.ab().indications()).isEqualTo(1);

        List<Finding> findings = f.findings();
        assertThat(findings).extracting(Finding::id).containsExactly(IceTracker.CHECK_UNANSWERED,
                IceTracker.ONE_WAY, IceTracker.NO_WORKING_PAIR);
        assertThat(findings).allMatch(x -> x.severity() == Severity.ERROR);
        Finding unanswered = findings.get(0);
        assertThat(unanswered.frames()).containsExactly(2L, 5L, 6L, 7L);
        assertThat(unanswered.detail()).contains("127.0.0.5:40307 (ufrag fRDI) sent 2 Binding requests")
                .contains("over 1.53 s");
        assertThat(findings.get(1).frames()).containsExactly(1L, 2L, 3L, 5L, 6L, 7L);
        assertThat(findings.get(2).frames()).containsExactly(1L, 2L, 3L, 5L, 6L, 7L);
    }
}
