package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.turnladder.analysis.turn.TurnAllocation.End;
import org.turnladder.analysis.turn.TurnAllocation.Outcome;
import org.turnladder.analysis.turn.TurnConnection.Kind;
import org.turnladder.analysis.turn.TurnConnection.State;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.Dialect;

/** RFC 6062 TCP allocations: Connect / ConnectionAttempt tied to ConnectionBind, the peer leg and what flowed. */
class Rfc6062ConnectionsTest {

    @Test
    void cleanCaptureModelsTheAllocationWithItsActiveAndPassiveConnections() {
        TurnRun run = TurnRun.capture("coturn-rfc6062.pcapng");

        assertThat(run.turn.allocations()).hasSize(1);
        TurnAllocation a = run.allocation(0);
        assertThat(a.client()).isEqualTo(Endpoint.parse("127.0.0.3:46369"));
        assertThat(a.server()).isEqualTo(Endpoint.parse("127.0.0.2:3478"));
        assertThat(a.transport()).isEqualTo(Transport.TCP);
        assertThat(a.controlConnection()).isZero();
        assertThat(a.dialect()).isEqualTo(Dialect.RFC5389);
        assertThat(a.requestedTransportName()).isEqualTo("TCP");
        assertThat(a.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(a.allocateRequestFrame()).isEqualTo(4);
        assertThat(a.challengeFrames()).containsExactly(6L);
        assertThat(a.authenticatedRequestFrame()).isEqualTo(8);
        assertThat(a.username()).isEqualTo("u");
        assertThat(a.realm()).isEqualTo("example.org");
        assertThat(a.responseFrame()).isEqualTo(9);
        assertThat(a.relayed()).isEqualTo(Endpoint.parse("127.0.0.2:49160"));
        assertThat(a.mapped()).isEqualTo(Endpoint.parse("127.0.0.3:46369"));
        assertThat(a.lifetime()).isEqualTo(600);
        assertThat(a.permissions()).singleElement().satisfies(p -> {
            assertThat(p.peer()).isEqualTo("127.0.0.4");
            assertThat(p.firstRequestFrame()).isEqualTo(10);
            assertThat(p.granted()).isTrue();
            assertThat(p.lastResponseFrame()).isEqualTo(11);
        });
        assertThat(a.refreshes()).singleElement().satisfies(r -> {
            assertThat(r.deallocation()).isTrue();
            assertThat(r.requestFrame()).isEqualTo(91);
            assertThat(r.responseFrame()).isEqualTo(92);
            assertThat(r.succeeded()).isTrue();
        });
        assertThat(a.end()).isEqualTo(End.DEALLOCATED);
        assertThat(a.endFrame()).isEqualTo(92);
        assertThat(a.errors()).isEmpty();
        assertThat(a.connections()).hasSize(2);
    }

    @Test
    void activeConnectIsBoundOnItsDataConnectionAndSeesTheRelayDialThePeer() {
        TurnConnection c = TurnRun.capture("coturn-rfc6062.pcapng").allocation(0).connections().get(0);

        assertThat(c.kind()).isEqualTo(Kind.ACTIVE);
        assertThat(c.peer()).isEqualTo(Endpoint.parse("127.0.0.4:52044"));
        assertThat(c.requestFrame()).isEqualTo(12);
        assertThat(c.responseFrame()).isEqualTo(16);
        assertThat(c.connectionId()).isEqualTo(0xbcf6d200L);
        assertThat(c.state()).isEqualTo(State.BOUND);
        // ConnectionBind on a second TCP connection to the same server address
        assertThat(c.data().stream()).isEqualTo(2);
        assertThat(c.data().client()).isEqualTo(Endpoint.parse("127.0.0.3:43163"));
        assertThat(c.data().bindRequestFrame()).isEqualTo(20);
        assertThat(c.data().bindResponseFrame()).isEqualTo(22);
        assertThat(c.data().bindDelayNanos()).isBetween(0L, 30_000_000_000L);
        // the ICE checks through the pipe (frames 25, 30, 34, 36) and the RTP after them
        assertThat(c.data().relayedMessages()).isEqualTo(4);
        assertThat(c.data().relayedStun()).isEqualTo(4);
        assertThat(c.data().appBytesOut()).isEqualTo(267);
        assertThat(c.data().appBytesIn()).isEqualTo(318);
        // coturn dialled the peer from the relayed address (SYN frame 13); the checks crossed it
        assertThat(c.peerLeg().stream()).isEqualTo(1);
        assertThat(c.peerLeg().opener()).isEqualTo(Endpoint.parse("127.0.0.2:49160"));
        assertThat(c.peerLeg().synFrame()).isEqualTo(13);
        assertThat(c.peerLeg().synAcked()).isTrue();
        assertThat(c.peerLeg().refused()).isFalse();
        assertThat(c.peerLeg().messages()).isEqualTo(4);
    }

    @Test
    void passiveConnectionAttemptIsTiedToItsBindEvenThoughThePeerSpokeFirst() {
        TurnConnection c = TurnRun.capture("coturn-rfc6062.pcapng").allocation(0).connections().get(1);

        assertThat(c.kind()).isEqualTo(Kind.PASSIVE);
        assertThat(c.peer()).isEqualTo(Endpoint.parse("127.0.0.4:45227"));
        assertThat(c.requestFrame()).isZero();
        assertThat(c.responseFrame()).isEqualTo(59);
        assertThat(c.connectionId()).isEqualTo(0x1295d100L);
        assertThat(c.state()).isEqualTo(State.BOUND);
        assertThat(c.data().stream()).isEqualTo(4);
        assertThat(c.data().bindRequestFrame()).isEqualTo(64);
        assertThat(c.data().bindResponseFrame()).isEqualTo(66);
        // frame 66 carries the bind success and the buffered peer check; then 68, 71, 76
        assertThat(c.data().relayedMessages()).isEqualTo(4);
        assertThat(c.data().relayedStun()).isEqualTo(4);
        // the peer opened the leg (SYN 54) and sent its check (57) before the ConnectionAttempt (59)
        assertThat(c.peerLeg().opener()).isEqualTo(Endpoint.parse("127.0.0.4:45227"));
        assertThat(c.peerLeg().synFrame()).isEqualTo(54);
        assertThat(c.peerLeg().firstFrame()).isEqualTo(54);
        assertThat(c.peerLeg().messages()).isEqualTo(4);
    }

    @Test
    void cleanRfc6062CaptureRaisesNoFinding() {
        assertThat(TurnRun.capture("coturn-rfc6062.pcapng").findings()).isEmpty();
    }

    @Test
    void uclientConnectionAttemptBeforeTheConnectSuccessBindsBothConnections() {
        TurnRun run = TurnRun.capture("coturn-uclient-tcp-relay.pcapng");

        assertThat(run.turn.allocations()).hasSize(3)
                .allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.SUCCESS));
        TurnConnection active = run.allocation(1).connections().get(0);
        assertThat(active.kind()).isEqualTo(Kind.ACTIVE);
        assertThat(active.requestFrame()).isEqualTo(39);
        assertThat(active.responseFrame()).isEqualTo(51);
        assertThat(active.state()).isEqualTo(State.BOUND);
        assertThat(active.data().bindRequestFrame()).isEqualTo(57);
        assertThat(active.data().appBytesOut()).isEqualTo(200);
        TurnConnection passive = run.allocation(2).connections().get(0);
        assertThat(passive.kind()).isEqualTo(Kind.PASSIVE);
        assertThat(passive.responseFrame()).isEqualTo(43);
        assertThat(passive.peer()).isEqualTo(Endpoint.parse("127.0.0.2:49152"));
        assertThat(passive.state()).isEqualTo(State.BOUND);
        assertThat(passive.data().bindRequestFrame()).isEqualTo(48);
        assertThat(passive.data().bindResponseFrame()).isEqualTo(52);
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void ipv6AllocationInLinuxCookedCaptureIsFollowedToTheRelayedChecks() {
        TurnRun run = TurnRun.capture("synthetic/rfc6062-ipv6-sll2.pcapng");

        TurnAllocation a = run.allocation(0);
        assertThat(a.server()).isEqualTo(Endpoint.parse("[2001:db8::50]:3478"));
        assertThat(a.realm()).isEqualTo("TANDBERG");
        assertThat(a.relayed()).isEqualTo(Endpoint.parse("[2001:db8::50]:24012"));
        assertThat(a.connections()).singleElement().satisfies(c -> {
            assertThat(c.peer()).isEqualTo(Endpoint.parse("[2001:db8::10]:52044"));
            assertThat(c.connectionId()).isEqualTo(0x1234abcdL);
            assertThat(c.state()).isEqualTo(State.BOUND);
            assertThat(c.data().bindRequestFrame()).isEqualTo(16);
            assertThat(c.data().relayedMessages()).isEqualTo(4);
            assertThat(c.data().appBytesOut()).isEqualTo(1002);
            assertThat(c.peerLeg()).isNull(); // the capture was taken on the CMS side only
        });
        assertThat(run.errors()).isEmpty();
    }
}
