package org.turnladder.analysis.roles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small readers behind the role detector: product strings, SIP hops, numeric addresses, frame lists. */
class RoleCluesUnitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "UCCAPI/16.0.4417.1000 OC/16.0.4417.1000 (Skype for Business)|SKYPE_CLIENT",
        "UCCAPI/15.0.4569.1503 OC/15.0.4569.1503 (Microsoft Lync)|SKYPE_CLIENT",
        "UCCAPI/4.0.7577.4356 OC/4.0.7577.4356 (Microsoft Lync 2010)|SKYPE_CLIENT",
        "RTC/6.0|SKYPE_SERVER",
        "RTC/5.0|SKYPE_SERVER",
        "RTCC/5.0.0.0 MediationServer|SKYPE_FRONT_END",
        "RTCC/7.0.0.0 ASMCU|SKYPE_FRONT_END",
        "RTCC/4.0.0.0|SKYPE_SERVER",
        "TANDBERG/4352 (X8.10.2)|EXPRESSWAY",
        "TANDBERG/4352 (X8.7.3-b2bua-1.0)|EXPRESSWAY",
        "TANDBERG/4135 (X8.10.2)|EXPRESSWAY",
        "TANDBERG/4120 (X7.2.1)|EXPRESSWAY",
        "TANDBERG/4481|EXPRESSWAY",
        "TANDBERG/81 (F9.1 PAL)|OTHER",
        "TANDBERG/518 (TCNC6.2.0.20b1616)|OTHER",
        "Acano CallBridge|CMS",
        "Acano H.323 Gateway|CMS",
        "Cisco-CUCM10.5|OTHER",
        "sipp|NOTE",
        "Asterisk PBX 18.0|NOTE",
    })
    void productStrings(String value, Guess expected) {
        assertThat(ProductString.classify(value).guess()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void viaEntriesGiveHostAndParameters() {
        SipHops.Hop h = SipHops.via("SIP/2.0/TLS 192.0.2.11:5061;egress-zone=SkypeZone;branch=z9hG4bK1;"
                + "proxy-call-id=0b3c;rport");
        assertThat(h.host()).isEqualTo("192.0.2.11");
        assertThat(h.expresswayBreadcrumb()).isTrue();
        assertThat(SipHops.via("SIP/2.0/TCP [2001:db8::20]:5060;branch=z9hG4bK2").host()).isEqualTo("2001:db8::20");
        assertThat(SipHops.via("SIP/2.0/UDP alice.example.org;branch=z").host()).isEqualTo("alice.example.org");
        assertThat(SipHops.via("garbage")).isNull();
    }

    @Test
    void recordRoutesKeepExpresswaysBreadcrumbFromTheUserPart() {
        SipHops.Hop h = SipHops.route("<sip:proxy-call-id=0b3c5d7e@192.0.2.10:5061;transport=tls;lr>");
        assertThat(h.host()).isEqualTo("192.0.2.10");
        assertThat(h.expresswayBreadcrumb()).isTrue();
        SipHops.Hop fe = SipHops.route("<sip:fe01.skype.example.org:5061;transport=tls;opaque=state:T;lr;"
                + "ms-route-sig=aa>");
        assertThat(fe.host()).isEqualTo("fe01.skype.example.org");
        assertThat(fe.expresswayBreadcrumb()).isFalse();
        assertThat(SipHops.splitCommas("<sip:a@1.2.3.4;lr>, <sip:b@5.6.7.8;lr>")).hasSize(2);
        assertThat(SipHops.splitCommas("\"a, b\" <sip:x@y>")).hasSize(1);
    }

    @Test
    void numericAddressesOnlyAndNeverTheUnspecifiedOne() {
        assertThat(IpText.canonical("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(IpText.canonical("[2001:0db8::0001]")).isEqualTo("2001:db8::1");
        assertThat(IpText.canonical("fe80::1%eth0")).isEqualTo("fe80::1");
        assertThat(IpText.canonical("0.0.0.0")).isNull();
        assertThat(IpText.canonical("::")).isNull();
        assertThat(IpText.canonical("256.1.1.1")).isNull();
        assertThat(IpText.canonical("1.2.3")).isNull();
        assertThat(IpText.canonical("cms.example.com")).isNull();
        assertThat(IpText.canonical("CMS")).isNull();
        assertThat(IpText.canonical(null)).isNull();
    }

    @Test
    void frameListsKeepTheFirstFewTheLastAndTheCount() {
        FrameList one = new FrameList();
        one.add(8);
        one.add(8);
        assertThat(one.text()).isEqualTo("frame 8");
        FrameList two = new FrameList();
        two.add(6);
        two.add(9);
        assertThat(two.text()).isEqualTo("frames 6, 9");
        FrameList five = new FrameList();
        for (long f : new long[] {1, 2, 3, 4, 5}) {
            five.add(f);
        }
        assertThat(five.text()).isEqualTo("frames 1, 2, 3, 4, 5");
        FrameList many = new FrameList();
        for (long f = 10; f <= 100; f += 10) {
            many.add(f);
        }
        assertThat(many.text()).isEqualTo("frames 10, 20, 30, 40, …, 100 (10 times)");
        assertThat(new FrameList().text()).isEmpty();
    }
}
