package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.turnladder.analysis.turn.TurnAllocation.Outcome;
import org.turnladder.net.Endpoint;
import org.turnladder.stun.Dialect;

/** A Skype client's MS-TURN allocation on the A/V Edge (synthetic capture: MS-TURN over pseudo-TLS on 443). */
class MsTurnAllocationTest {

    @Test
    void msTurnAllocationIsFollowedWithItsRelayInMappedAddress() {
        TurnRun run = TurnRun.capture("synthetic/ms-turn-edge-pseudo-tls.pcapng");

        assertThat(run.turn.allocations()).singleElement().satisfies(a -> {
            assertThat(a.dialect()).isEqualTo(Dialect.MS_TURN);
            assertThat(a.client()).isEqualTo(Endpoint.parse("10.20.30.40:50110"));
            assertThat(a.server()).isEqualTo(Endpoint.parse("203.0.113.10:443"));
            assertThat(a.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(a.challengeFrames()).containsExactly(7L);
            assertThat(a.authenticatedRequestFrame()).isEqualTo(8);
            assertThat(a.responseFrame()).isEqualTo(10);
            assertThat(a.relayed()).isEqualTo(Endpoint.parse("203.0.113.10:52044"));
        });
        assertThat(run.findings()).isEmpty();
    }
}
