package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Captures of things working raise no error from the TURN part. */
class CleanCapturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"coturn-rfc6062.pcapng", "coturn-udp-allocation.pcap", "coturn-tcp-allocation.pcap",
            "coturn-uclient-tcp-relay.pcapng", "libnice-ice-tcp.pcap", "libnice-msice2-tcp.pcap",
            "sipp-appsharing-accepted-tcp.pcap", "synthetic/rfc6062-ipv6-sll2.pcapng",
            "synthetic/ms-turn-edge-pseudo-tls.pcapng"})
    void noErrorFinding(String capture) {
        assertThat(TurnRun.capture(capture).errors()).isEmpty();
    }
}
