package org.turnladder.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void ipv4PrintsAsDottedQuadAndPort() {
        assertThat(Endpoint.parse("192.0.2.50:24012").toString()).isEqualTo("192.0.2.50:24012");
    }

    @Test
    void ipv6PrintsCompressedInBrackets() {
        assertThat(Endpoint.parse("[2001:db8:0:0:0:0:0:1]:3478").toString()).isEqualTo("[2001:db8::1]:3478");
        assertThat(Endpoint.parse("[::1]:5060").toString()).isEqualTo("[::1]:5060");
        assertThat(Endpoint.parse("[fe80:0:0:1:0:0:0:0]:1").toString()).isEqualTo("[fe80:0:0:1::]:1");
    }

    @Test
    void aSingleZeroWordIsNotCompressed() {
        assertThat(Endpoint.parse("[2001:db8:0:1:1:1:1:1]:1").host()).isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void equalityIsByAddressAndPort() {
        assertThat(Endpoint.parse("10.0.0.1:1")).isEqualTo(Endpoint.parse("10.0.0.1:1"))
                .isNotEqualTo(Endpoint.parse("10.0.0.1:2"));
        assertThat(Endpoint.parse("10.0.0.1:1").sameHost(Endpoint.parse("10.0.0.1:2"))).isTrue();
    }
}
