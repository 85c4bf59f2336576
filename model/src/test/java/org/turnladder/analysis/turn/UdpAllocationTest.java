package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.turnladder.analysis.turn.TurnAllocation.End;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/** RFC 5766 allocations with UDP relays: refreshes, permissions, channel bindings and deallocation. */
class UdpAllocationTest {

    @Test
    void eachUdpFiveTupleIsItsOwnAllocation() {
        TurnRun run = TurnRun.capture("coturn-udp-allocation.pcap");

        assertThat(run.turn.allocations()).extracting(TurnAllocation::client).containsExactly(
                Endpoint.parse("127.0.0.3:37519"), Endpoint.parse("127.0.0.3:60764"),
                Endpoint.parse("127.0.0.3:41787"), Endpoint.parse("127.0.0.3:48096"));
        assertThat(run.turn.allocations()).allSatisfy(a -> {
            assertThat(a.transport()).isEqualTo(Transport.UDP);
            assertThat(a.controlConnection()).isEqualTo(-1);
            assertThat(a.requestedTransportName()).isEqualTo("UDP");
            assertThat(a.challengeFrames()).hasSize(1);
        });
    }

    @Test
    void channelBindingsPermissionsRefreshesAndDeallocationAreRecorded() {
        TurnAllocation a = TurnRun.capture("coturn-udp-allocation.pcap").allocation(1);

        assertThat(a.relayed()).isEqualTo(Endpoint.parse("127.0.0.2:49154"));
        assertThat(a.channels()).hasSize(2);
        TurnChannelBinding used = a.channels().get(1);
        assertThat(used.channelHex()).isEqualTo("0x6995");
        assertThat(used.peer()).isEqualTo(Endpoint.parse("127.0.0.4:3480"));
        assertThat(used.firstRequestFrame()).isEqualTo(17);
        assertThat(used.requests()).isEqualTo(3);
        assertThat(used.succeeded()).isTrue();
        assertThat(used.dataToPeer()).isEqualTo(2); // frames 27, 31
        assertThat(used.dataFromPeer()).isEqualTo(2); // frames 30, 34
        assertThat(a.channels().get(0).peer()).isEqualTo(Endpoint.parse("127.0.0.4:3481"));
        assertThat(a.permissions()).singleElement().satisfies(p -> {
            assertThat(p.peer()).isEqualTo("127.0.0.4");
            assertThat(p.firstRequestFrame()).isEqualTo(23);
            assertThat(p.lastResponseFrame()).isEqualTo(25);
        });
        assertThat(a.refreshes()).extracting(TurnRefresh::requestFrame).containsExactly(11L, 21L, 35L);
        assertThat(a.refreshes()).extracting(TurnRefresh::grantedLifetime).containsExactly(777L, 600L, 0L);
        assertThat(a.refreshes().get(2).deallocation()).isTrue();
        assertThat(a.end()).isEqualTo(End.DEALLOCATED);
        assertThat(a.endFrame()).isEqualTo(36);
    }

    @Test
    void allocationsLeftToExpireOnTheServerAreStillOpenAtTheEndOfAShortCapture() {
        TurnRun run = TurnRun.capture("coturn-udp-allocation.pcap");

        assertThat(run.allocation(0).end()).isEqualTo(End.OPEN);
        assertThat(run.allocation(0).lifetime()).isEqualTo(777);
    }

    @Test
    void allocationRunsOutWhenItsLifetimePassesWithoutRefresh() {
        TurnRun run = TurnRun.capture("coturn-udp-allocation.pcap");
        long muchLater = run.lastNanos + 800_000_000_000L;

        assertThat(run.turn.allocations(muchLater, true).get(0).end()).isEqualTo(End.EXPIRED);
        assertThat(run.turn.allocations(muchLater, true).get(1).end()).isEqualTo(End.DEALLOCATED);
    }

    @Test
    void sendAndDataIndicationsDoNotDisturbTheAllocation() {
        TurnAllocation a = TurnRun.capture("coturn-udp-allocation.pcap").allocation(3);

        assertThat(a.permissions()).singleElement().satisfies(p -> {
            assertThat(p.requests()).isEqualTo(3);
            assertThat(p.successes()).isEqualTo(3);
        });
        assertThat(a.end()).isEqualTo(End.DEALLOCATED);
        assertThat(a.lastFrame()).isEqualTo(66);
    }

    @Test
    void turnOverTcpWithUdpRelaysFollowsChannelDataInTheStreamAndTheClosedControlConnection() {
        TurnRun run = TurnRun.capture("coturn-tcp-allocation.pcap");

        TurnAllocation first = run.allocation(0);
        assertThat(first.controlConnection()).isZero();
        assertThat(first.end()).isEqualTo(End.CONTROL_CLOSED);
        assertThat(first.endFrame()).isEqualTo(36);
        TurnAllocation second = run.allocation(1);
        assertThat(second.controlConnection()).isEqualTo(1);
        assertThat(second.requestedTransportName()).isEqualTo("UDP");
        // frame 34 holds CreatePermission and ChannelBind back to back; frame 35 both answers
        assertThat(second.permissions()).singleElement()
                .satisfies(p -> assertThat(p.lastResponseFrame()).isEqualTo(35));
        assertThat(second.channels().get(1).responseFrame()).isEqualTo(35);
        assertThat(second.channels().get(1).dataToPeer()).isEqualTo(2);
        assertThat(second.channels().get(1).dataFromPeer()).isEqualTo(2);
        assertThat(second.end()).isEqualTo(End.DEALLOCATED);
        assertThat(run.findings()).isEmpty();
    }
}
