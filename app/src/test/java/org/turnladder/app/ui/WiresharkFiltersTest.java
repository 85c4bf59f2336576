package org.turnladder.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/** Display filters that find a message again in Wireshark. */
class WiresharkFiltersTest {

    @Test
    void aStunTransactionIdIsWrittenAsColonSeparatedBytesAfterTheCookie() {
        assertThat(WiresharkFilters.colons(WiresharkFilters.stunId("8aeb988fcf0e78a7bdd5ef08")))
                .isEqualTo("8a:eb:98:8f:cf:0e:78:a7:bd:d5:ef:08");
        assertThat(WiresharkFilters.stunId("2112a442" + "8aeb988fcf0e78a7bdd5ef08"))
                .isEqualTo("8aeb988fcf0e78a7bdd5ef08");
    }

    @Test
    void aConversationNamesBothEndsEitherWay() {
        assertThat(WiresharkFilters.conversation(Endpoint.parse("127.0.0.3:46369"), Endpoint.parse("127.0.0.2:3478"),
                Transport.TCP)).isEqualTo("ip.addr == 127.0.0.3 && ip.addr == 127.0.0.2 && tcp.port == 46369 "
                + "&& tcp.port == 3478");
        assertThat(WiresharkFilters.conversation(Endpoint.parse("[2001:db8::1]:5060"),
                Endpoint.parse("[2001:db8::2]:5060"), Transport.UDP))
                .isEqualTo("ipv6.addr == 2001:db8::1 && ipv6.addr == 2001:db8::2 && udp.port == 5060");
    }
}
