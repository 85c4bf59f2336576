package org.turnladder.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.net.TestFrames.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.turnladder.capture.FrameSpan;
import org.turnladder.capture.RawPacket;

class PacketDissectorTest {
    private static final byte[] HELLO = ascii("hello, world");
    private static final byte[] V4_UDP = ipv4("192.0.2.1", "198.51.100.7", 17, udp(5060, 3478, HELLO));
    private static final byte[] V6_UDP = ipv6("2001:db8::1", "2001:db8::2", 17, udp(5060, 3478, HELLO));

    private final PacketDissector dissector = new PacketDissector();
    private long frame;

    private TransportPacket dissect(int linkType, byte[] data) {
        return dissector.dissect(new RawPacket(++frame, 1_000 * frame, linkType, data.length, data));
    }

    private static byte[] payload(TransportPacket p) {
        return Arrays.copyOfRange(p.payload(), p.payloadOffset(), p.payloadOffset() + p.payloadLength());
    }

    @Test
    void ethernetIpv4UdpGivesEndpointsPayloadAndItsFrameSpan() {
        byte[] frameBytes = ethernet(ETH_IPV4, V4_UDP);
        TransportPacket p = dissect(LinkType.ETHERNET, frameBytes);
        assertThat(p.transport()).isEqualTo(Transport.UDP);
        assertThat(p.src()).isEqualTo(Endpoint.parse("192.0.2.1:5060"));
        assertThat(p.dst()).isEqualTo(Endpoint.parse("198.51.100.7:3478"));
        assertThat(payload(p)).isEqualTo(HELLO);
        assertThat(p.payloadSpans()).containsExactly(new FrameSpan(1, 14 + 20 + 8, HELLO.length));
        assertThat(p.frame()).isEqualTo(1);
        assertThat(p.epochNanos()).isEqualTo(1000);
        assertThat(p.tcp()).isNull();
        assertThat(p.icmp()).isNull();
        assertThat(p.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"single 802.1Q", "802.1ad QinQ", "old 0x9100 QinQ"})
    void vlanTagsAreFollowed(String kind) {
        int[] tags = switch (kind) {
            case "single 802.1Q" -> new int[] {TPID_8021Q, 100};
            case "802.1ad QinQ" -> new int[] {TPID_8021AD, 200, TPID_8021Q, 100};
            default -> new int[] {0x9100, 300, TPID_8021Q, 100};
        };
        TransportPacket p = dissect(LinkType.ETHERNET, ethernet(ETH_IPV6, V6_UDP, tags));
        assertThat(p.src()).isEqualTo(Endpoint.parse("[2001:db8::1]:5060"));
        assertThat(payload(p)).isEqualTo(HELLO);
        assertThat(p.payloadSpans().get(0).frameOffset()).isEqualTo(14 + 2 * tags.length + 40 + 8);
    }

    @Test
    void everyLinkTypeFindsTheIpHeader() {
        assertThat(payload(dissect(LinkType.LINUX_SLL, sll(ETH_IPV4, V4_UDP)))).isEqualTo(HELLO);
        assertThat(payload(dissect(LinkType.LINUX_SLL2, sll2(ETH_IPV6, V6_UDP)))).isEqualTo(HELLO);
        for (int raw : new int[] {LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14, LinkType.IPV4}) {
            assertThat(payload(dissect(raw, V4_UDP))).as("link type %d", raw).isEqualTo(HELLO);
        }
        assertThat(payload(dissect(LinkType.IPV6, V6_UDP))).isEqualTo(HELLO);
        assertThat(payload(dissect(LinkType.NULL, loopback(2, false, V4_UDP)))).isEqualTo(HELLO);
        assertThat(payload(dissect(LinkType.NULL, loopback(2, true, V4_UDP)))).isEqualTo(HELLO);
        for (int family : new int[] {24, 28, 30}) {
            assertThat(payload(dissect(LinkType.NULL, loopback(family, false, V6_UDP)))).isEqualTo(HELLO);
        }
        assertThat(payload(dissect(LinkType.LOOP, loopback(30, true, V6_UDP)))).isEqualTo(HELLO);
        assertThat(dissect(LinkType.NULL, loopback(7, false, V4_UDP))).isNull();
        assertThat(dissector.warnings()).isEmpty();
    }

    @Test
    void anUnknownLinkTypeIsWarnedAboutOnce() {
        assertThat(dissect(147, V4_UDP)).isNull();
        assertThat(dissect(147, V4_UDP)).isNull();
        assertThat(dissector.warnings()).containsExactly("link type 147 is not supported");
    }

    @Test
    void nonIpAndNonTransportFramesGiveNull() {
        assertThat(dissect(LinkType.ETHERNET, ethernet(0x0806, new byte[28]))).isNull(); // ARP
        assertThat(dissect(LinkType.RAW, ipv4("10.0.0.1", "10.0.0.2", 47, new byte[8]))).isNull(); // GRE
        assertThat(dissect(LinkType.RAW, icmp(8, 0, new byte[8]))).isNull();
        assertThat(dissect(LinkType.ETHERNET, new byte[5])).isNull();
    }

    @Test
    void ethernetPaddingIsTrimmedByTheIpTotalLength() {
        byte[] small = ipv4("10.0.0.1", "10.0.0.2", 17, udp(1, 2, new byte[] {42}));
        byte[] padded = concat(ethernet(ETH_IPV4, small), new byte[60 - 14 - small.length]);
        TransportPacket p = dissect(LinkType.ETHERNET, padded);
        assertThat(payload(p)).containsExactly(42);
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void anIpLengthBeyondTheCapturedBytesIsNotedAndWhatIsThereIsUsed() {
        byte[] full = ipv4("10.0.0.1", "10.0.0.2", 17, udp(1, 2, new byte[100]));
        byte[] cut = Arrays.copyOf(full, 60);
        TransportPacket p = dissector.dissect(new RawPacket(1, 0, LinkType.RAW, full.length, cut));
        assertThat(p.payloadLength()).isEqualTo(60 - 28);
        assertThat(p.warnings()).containsExactly("IPv4 total length 128 exceeds the 60 bytes captured (cut by the snap length)",
                "UDP length 108 exceeds the 40 bytes present");
    }

    @Test
    void checksumsAreNeverChecked() {
        byte[] frameBytes = V4_UDP.clone();
        frameBytes[10] = (byte) 0xde; // IP checksum
        frameBytes[27] = 0x55;        // UDP checksum
        assertThat(payload(dissect(LinkType.RAW, frameBytes))).isEqualTo(HELLO);
    }

    @Test
    void tcpHeaderFieldsAndPayloadAfterOptions() {
        byte[] options = {2, 4, 0x05, (byte) 0xb4, 1, 1, 4, 2}; // MSS, NOP, NOP, SACK permitted
        byte[] segment = tcp(443, 50000, 0xfffffff0L, 7, 0x18, 513, options, HELLO);
        TransportPacket p = dissect(LinkType.RAW, ipv4("10.0.0.1", "10.0.0.2", 6, segment));
        assertThat(p.transport()).isEqualTo(Transport.TCP);
        assertThat(p.tcp()).isEqualTo(new TransportPacket.TcpHeader(0xfffffff0L, 7, 0x18, 513));
        assertThat(p.tcp().has(TransportPacket.TcpHeader.PSH)).isTrue();
        assertThat(payload(p)).isEqualTo(HELLO);
        assertThat(p.payloadSpans()).containsExactly(new FrameSpan(1, 20 + 28, HELLO.length));
    }

    @Test
    void ipv4FragmentsInOrderReassembleOnTheLastFrame() {
        byte[] datagram = udp(5060, 5060, sip(3000));
        List<byte[]> fragments = fragmentsV4(datagram, 1480, 77);
        TransportPacket result = null;
        for (int i = 0; i < fragments.size(); i++) {
            result = dissect(LinkType.ETHERNET, ethernet(ETH_IPV4, fragments.get(i)));
            assertThat(result == null).as("fragment %d", i).isEqualTo(i < fragments.size() - 1);
        }
        assertThat(result.frame()).isEqualTo(3);
        assertThat(payload(result)).isEqualTo(sip(3000));
        assertThat(result.payloadSpans()).containsExactly(new FrameSpan(1, 14 + 20 + 8, 1472),
                new FrameSpan(2, 14 + 20, 1480), new FrameSpan(3, 14 + 20, 3008 - 2960));
        assertThat(dissector.warnings()).isEmpty();
    }

    @Test
    void ipv4FragmentsOutOfOrderAndOverlappingStillReassemble() {
        byte[] datagram = udp(5060, 5060, sip(2000));
        List<byte[]> fragments = fragmentsV4(datagram, 800, 9);
        byte[] overlap = ipv4("192.0.2.1", "192.0.2.2", 17, 9, true, 400, 20 + 800,
                Arrays.copyOfRange(datagram, 400, 1200));
        assertThat(dissect(LinkType.RAW, fragments.get(2))).isNull();
        assertThat(dissect(LinkType.RAW, overlap)).isNull();
        assertThat(dissect(LinkType.RAW, fragments.get(1))).isNull();
        TransportPacket p = dissect(LinkType.RAW, fragments.get(0));
        assertThat(payload(p)).isEqualTo(sip(2000));
        assertThat(p.frame()).isEqualTo(4);
        int spanned = p.payloadSpans().stream().mapToInt(FrameSpan::length).sum();
        assertThat(spanned).isEqualTo(2000);
        assertThat(p.payloadSpans()).extracting(FrameSpan::frame).containsExactly(4L, 2L, 3L, 1L);
    }

    @Test
    void incompleteDatagramsAreReportedAndStaleOnesDropped() {
        byte[] datagram = udp(1, 2, sip(2000));
        byte[] first = fragmentsV4(datagram, 800, 5).get(0);
        dissector.dissect(new RawPacket(1, 0, LinkType.RAW, first.length, first));
        assertThat(dissector.warnings()).containsExactly("1 fragmented datagram was never completed");
        // 31 s later the rest arrives: the first fragment was given up on, so nothing completes
        List<byte[]> all = fragmentsV4(datagram, 800, 5);
        long later = 31_000_000_000L;
        assertThat(dissector.dissect(new RawPacket(2, later, LinkType.RAW, 0, all.get(1)))).isNull();
        assertThat(dissector.dissect(new RawPacket(3, later, LinkType.RAW, 0, all.get(2)))).isNull();
        assertThat(dissector.warnings()).containsExactly("2 fragmented datagrams were never completed");
    }

    @Test
    void pendingReassembliesAreCapped() {
        for (int id = 0; id < FragmentReassembler.MAX_PENDING + 50; id++) {
            dissect(LinkType.RAW, ipv4("10.0.0.1", "10.0.0.2", 17, id, true, 0, 20 + 16, new byte[16]));
        }
        assertThat(dissector.warnings()).containsExactly((FragmentReassembler.MAX_PENDING + 50)
                + " fragmented datagrams were never completed");
    }

    @Test
    void aFragmentReachingBeyond64KiBIsDropped() {
        assertThat(dissect(LinkType.RAW, ipv4("10.0.0.1", "10.0.0.2", 17, 1, false, 65528, 20 + 16, new byte[16])))
                .isNull();
        assertThat(dissector.warnings()).contains("1 fragments were dropped: they reach beyond 64 KiB");
    }

    @Test
    void ipv6ExtensionHeadersAreWalked() {
        byte[] rest = optionsHeader(60, optionsHeader(51, authHeader(17, udp(3478, 3478, HELLO))));
        TransportPacket p = dissect(LinkType.RAW, ipv6("fe80::1", "fe80::2", 0, rest));
        assertThat(payload(p)).isEqualTo(HELLO);
        assertThat(p.payloadSpans().get(0).frameOffset()).isEqualTo(40 + 8 + 8 + 24 + 8);
    }

    @Test
    void ipv6EspAndNoNextHeaderStop() {
        assertThat(dissect(LinkType.RAW, ipv6("::1", "::2", 50, new byte[32]))).isNull();
        assertThat(dissect(LinkType.RAW, ipv6("::1", "::2", 0, optionsHeader(59, new byte[0])))).isNull();
    }

    @Test
    void ipv6FragmentsReassembleInAnyOrder() {
        byte[] datagram = udp(5061, 5061, sip(2500));
        byte[] a = Arrays.copyOfRange(datagram, 0, 1232), b = Arrays.copyOfRange(datagram, 1232, 2464),
                c = Arrays.copyOfRange(datagram, 2464, datagram.length);
        assertThat(dissect(LinkType.RAW, ipv6("2001:db8::1", "2001:db8::2", 44, fragmentHeader(17, 2464, false, 99, c))))
                .isNull();
        assertThat(dissect(LinkType.RAW, ipv6("2001:db8::1", "2001:db8::2", 0,
                optionsHeader(44, fragmentHeader(17, 0, true, 99, a))))).isNull();
        TransportPacket p = dissect(LinkType.RAW,
                ipv6("2001:db8::1", "2001:db8::2", 44, fragmentHeader(17, 1232, true, 99, b)));
        assertThat(payload(p)).isEqualTo(sip(2500));
        assertThat(p.src()).isEqualTo(Endpoint.parse("[2001:db8::1]:5061"));
        assertThat(p.payloadSpans()).containsExactly(new FrameSpan(2, 40 + 8 + 8 + 8, 1224),
                new FrameSpan(3, 48, 1232), new FrameSpan(1, 48, c.length));
    }

    @Test
    void icmpPortUnreachableQuotingAStunRequestGivesTheQuotedPacket() {
        byte[] quoted = ipv4("192.0.2.10", "203.0.113.5", 17, udp(50000, 3478, stunBindingRequest()));
        byte[] error = ipv4("203.0.113.5", "192.0.2.10", 1, icmp(3, 3, quoted));
        TransportPacket p = dissect(LinkType.ETHERNET, ethernet(ETH_IPV4, error));
        assertThat(p.src()).isEqualTo(Endpoint.parse("192.0.2.10:50000"));
        assertThat(p.dst()).isEqualTo(Endpoint.parse("203.0.113.5:3478"));
        assertThat(p.transport()).isEqualTo(Transport.UDP);
        assertThat(payload(p)).isEqualTo(stunBindingRequest());
        assertThat(p.icmp()).isEqualTo(new TransportPacket.IcmpError(Endpoint.parse("203.0.113.5:0"), false, 3, 3,
                "Destination unreachable (Port unreachable)"));
        assertThat(p.payloadSpans()).containsExactly(new FrameSpan(1, 14 + 20 + 8 + 20 + 8, 20));
    }

    @Test
    void icmpQuotingOnlyEightTransportBytesGivesAnEmptyPayload() {
        byte[] quoted = Arrays.copyOf(ipv4("192.0.2.10", "203.0.113.5", 6,
                tcp(50000, 443, 1000, 0, 0x02, 1024, new byte[0], new byte[0])), 28);
        TransportPacket p = dissect(LinkType.RAW, ipv4("198.51.100.1", "192.0.2.10", 1, icmp(11, 0, quoted)));
        assertThat(p.transport()).isEqualTo(Transport.TCP);
        assertThat(p.payloadLength()).isZero();
        assertThat(p.tcp().seq()).isEqualTo(1000);
        assertThat(p.icmp().text()).isEqualTo("Time-to-live exceeded (Time to live exceeded in transit)");
    }

    @Test
    void icmpv6PortUnreachableQuotingAStunRequest() {
        byte[] quoted = ipv6("2001:db8::10", "2001:db8::5", 17, udp(50000, 3478, stunBindingRequest()));
        byte[] error = ipv6("2001:db8::5", "2001:db8::10", 58, icmp(1, 4, quoted));
        TransportPacket p = dissect(LinkType.LINUX_SLL2, sll2(ETH_IPV6, error));
        assertThat(p.src()).isEqualTo(Endpoint.parse("[2001:db8::10]:50000"));
        assertThat(payload(p)).isEqualTo(stunBindingRequest());
        assertThat(p.icmp().v6()).isTrue();
        assertThat(p.icmp().reporter()).isEqualTo(Endpoint.parse("[2001:db8::5]:0"));
        assertThat(p.icmp().text()).isEqualTo("Destination unreachable (Port unreachable)");
    }

    @Test
    void truncatedHeadersAreCountedNotThrown() {
        byte[] full = ethernet(ETH_IPV4, ipv4("10.0.0.1", "10.0.0.2", 6,
                tcp(1, 2, 3, 4, 0x10, 5, new byte[12], HELLO)));
        for (int cut = 0; cut < full.length; cut++) {
            dissector.dissect(new RawPacket(cut + 1, 0, LinkType.ETHERNET, full.length, Arrays.copyOf(full, cut)));
        }
        assertThat(dissector.warnings()).singleElement().asString().endsWith("malformed IP or transport headers");
    }

    /** A SIP-looking payload of exactly {@code length} bytes. */
    private static byte[] sip(int length) {
        byte[] b = new byte[length];
        byte[] text = ascii("INVITE sip:bob@example.com SIP/2.0\r\n");
        for (int i = 0; i < length; i++) {
            b[i] = text[i % text.length];
        }
        return b;
    }

    private static List<byte[]> fragmentsV4(byte[] datagram, int size, int id) {
        List<byte[]> list = new java.util.ArrayList<>();
        for (int off = 0; off < datagram.length; off += size) {
            int end = Math.min(datagram.length, off + size);
            byte[] part = Arrays.copyOfRange(datagram, off, end);
            list.add(ipv4("192.0.2.1", "192.0.2.2", 17, id, end < datagram.length, off, 20 + part.length, part));
        }
        return list;
    }
}
