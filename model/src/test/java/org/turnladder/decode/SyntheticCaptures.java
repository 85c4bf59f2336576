package org.turnladder.decode;

import static org.turnladder.framing.TestStun.concat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.turnladder.capture.PcapWriter;
import org.turnladder.capture.PcapngWriter;
import org.turnladder.capture.RawPacket;
import org.turnladder.framing.TestStun;
import org.turnladder.net.Endpoint;
import org.turnladder.net.TestFrames;

/**
 * Captures no program here can record, written by test code: the Skype side's MS-TURN on 443 with the pseudo-TLS
 * hello (VLAN-tagged Ethernet, segments out of order), an RFC 6062 session over IPv6 in Linux SLL2 (as
 * {@code tcpdump -i any} on Expressway writes it) with a retransmission, a fragmented SIP INVITE over UDP, and a
 * Binding request bounced by ICMP port unreachable.
 */
public final class SyntheticCaptures {
    static final int LINKTYPE_ETHERNET = 1, LINKTYPE_LINUX_SLL2 = 276, LINKTYPE_RAW = 101;
    static final long T0 = 1_764_000_000_000_000_000L;

    public static final Endpoint CLIENT = Endpoint.parse("10.20.30.40:50110");
    public static final Endpoint EDGE = Endpoint.parse("203.0.113.10:443");
    public static final Endpoint EDGE_RELAY = Endpoint.parse("203.0.113.10:52044");
    public static final Endpoint CLIENT_NAT = Endpoint.parse("198.51.100.77:50110");
    public static final Endpoint CMS_CONTROL = Endpoint.parse("[2001:db8::20]:40000");
    public static final Endpoint CMS_DATA = Endpoint.parse("[2001:db8::20]:40001");
    public static final Endpoint EXPRESSWAY = Endpoint.parse("[2001:db8::50]:3478");
    public static final Endpoint EXPRESSWAY_RELAY = Endpoint.parse("[2001:db8::50]:24012");
    public static final Endpoint PEER = Endpoint.parse("[2001:db8::10]:52044");

    private SyntheticCaptures() {
    }

    /** Frames of one capture, built in order, 1 ms apart. */
    public static final class Frames {
        final int linkType;
        public final List<RawPacket> packets = new ArrayList<>();
        final UnaryOperator<byte[]> link;

        /** @param link wraps an IP packet in the link layer ({@code ip -> ip} for raw IP, link type 101) */
        public Frames(int linkType, UnaryOperator<byte[]> link) {
            this.linkType = linkType;
            this.link = link;
        }

        public void add(byte[] ip) {
            byte[] frame = link.apply(ip);
            packets.add(new RawPacket(packets.size() + 1, T0 + packets.size() * 1_000_000L, linkType, frame.length,
                    frame));
        }

        /** Swaps the last two frames (and renumbers), as a capture of reordered segments shows them. */
        void swapLastTwo() {
            int n = packets.size();
            RawPacket a = packets.get(n - 2);
            RawPacket b = packets.get(n - 1);
            packets.set(n - 2, new RawPacket(n - 1, a.epochNanos(), b.linkType(), b.originalLength(), b.data()));
            packets.set(n - 1, new RawPacket(n, b.epochNanos(), a.linkType(), a.originalLength(), a.data()));
        }
    }

    /** One TCP connection, opened by its handshake: keeps both sides' sequence numbers. */
    public static final class Tcp {
        final Frames frames;
        final Endpoint client;
        final Endpoint server;
        long clientSeq = 1000;
        long serverSeq = 9000;

        public Tcp(Frames frames, Endpoint client, Endpoint server) {
            this.frames = frames;
            this.client = client;
            this.server = server;
            segment(true, 0x02, new byte[0]);
            clientSeq++;
            segment(false, 0x12, new byte[0]);
            serverSeq++;
            segment(true, 0x10, new byte[0]);
        }

        public void client(byte[] data) {
            segment(true, 0x18, data);
            clientSeq += data.length;
        }

        public void server(byte[] data) {
            segment(false, 0x18, data);
            serverSeq += data.length;
        }

        /** The same bytes again: a retransmission the decoder must not report twice. */
        void clientRetransmit(byte[] data) {
            clientSeq -= data.length;
            client(data);
        }

        void segment(boolean fromClient, int flags, byte[] data) {
            Endpoint s = fromClient ? client : server;
            Endpoint d = fromClient ? server : client;
            long seq = fromClient ? clientSeq : serverSeq;
            long ack = fromClient ? serverSeq : clientSeq;
            byte[] tcp = TestFrames.tcp(s.port(), d.port(), seq, (flags & 0x10) != 0 ? ack : 0, flags, 65535,
                    new byte[0], data);
            frames.add(ip(s, d, 6, tcp));
        }
    }

    static byte[] ip(Endpoint s, Endpoint d, int protocol, byte[] payload) {
        return s.isIpv6() ? TestFrames.ipv6(s.host(), d.host(), protocol, payload)
                : TestFrames.ipv4(s.host(), d.host(), protocol, payload);
    }

    /** The Skype client's MS-TURN TCP allocation on the A/V Edge, on 443 behind the pseudo-TLS hello. */
    public static List<RawPacket> msTurnEdge() {
        Frames f = new Frames(LINKTYPE_ETHERNET, ip -> TestFrames.ethernet(TestFrames.ETH_IPV4, ip, TestFrames.TPID_8021Q, 100));
        Tcp c = new Tcp(f, CLIENT, EDGE);
        byte[] clientHello = new byte[50];
        System.arraycopy(new byte[] {0x16, 3, 1, 0, 0x2D, 1, 0, 0, 0x29, 3, 1}, 0, clientHello, 0, 11);
        clientHello[45] = 2;
        clientHello[47] = 0x18;
        clientHello[48] = 1;
        byte[] serverHello = new byte[83];
        System.arraycopy(new byte[] {0x16, 3, 1, 0, 0x4E, 2, 0, 0, 0x46, 3, 1}, 0, serverHello, 0, 11);
        serverHello[43] = 0x20;
        serverHello[77] = 0x18;
        serverHello[79] = 0x0E;
        c.client(clientHello);
        c.server(serverHello);
        c.client(TestStun.msFrame(2, TestStun.of(0x0003, 1).noCookie().msTurn().u32(0x8008, 6)
                .u32(0x8055, 0x00040001).build()));
        c.server(TestStun.msFrame(2, TestStun.of(0x0113, 1).noCookie().msTurn()
                .errorCode(401, "Unauthorized").text(0x0015, "\"SfB Edge\"").text(0x0014, "\"nonce-1234\"").build()));
        byte[] allocate = TestStun.msFrame(2, TestStun.of(0x0003, 2).noCookie().msTurn().u32(0x8008, 6)
                .text(0x0006, "MRAS-user").text(0x0015, "\"SfB Edge\"").text(0x0014, "\"nonce-1234\"").integrity()
                .build());
        // the authenticated Allocate goes out in two segments that the capture shows in reverse order
        c.client(Arrays.copyOfRange(allocate, 0, 30));
        c.client(Arrays.copyOfRange(allocate, 30, allocate.length));
        f.swapLastTwo();
        c.server(TestStun.msFrame(2, TestStun.of(0x0103, 2).noCookie().msTurn().address(0x0001, EDGE_RELAY, false)
                .address(0x8020, CLIENT_NAT, true).u32(0x000D, 480).integrity().build()));
        // end-to-end data frames: the ICE checks to and from the far side, RFC 4571 framed inside
        c.client(TestStun.msFrame(3, TestStun.of(0x0001, 3).username("c7Hn:Yq5v").u32(0x8070, 3).rfc4571()));
        c.server(TestStun.msFrame(3, TestStun.of(0x0101, 3).u32(0x8070, 3).rfc4571()));
        c.client(TestStun.msFrame(3, TestStun.framed(TestStun.rtp(300, 1))));
        return f.packets;
    }

    /** CMS's RFC 6062 session on Expressway-E over IPv6, as {@code tcpdump -i any} writes it (SLL2). */
    public static List<RawPacket> rfc6062Ipv6Sll2() {
        Frames f = new Frames(LINKTYPE_LINUX_SLL2, ip -> TestFrames.sll2(TestFrames.ETH_IPV6, ip));
        Tcp control = new Tcp(f, CMS_CONTROL, EXPRESSWAY);
        control.client(TestStun.of(0x0003, 10).attr(0x0019, new byte[] {6, 0, 0, 0}).build());
        control.server(TestStun.of(0x0113, 10).errorCode(401, "Unauthorized").text(0x0014, "TANDBERG")
                .text(0x0015, "nonce-5678").build());
        byte[] allocate = TestStun.of(0x0003, 11).attr(0x0019, new byte[] {6, 0, 0, 0}).username("cms-turn")
                .text(0x0014, "TANDBERG").text(0x0015, "nonce-5678").integrity().build();
        control.client(allocate);
        control.clientRetransmit(allocate);
        control.server(TestStun.of(0x0103, 11).address(0x0016, EXPRESSWAY_RELAY, true)
                .address(0x0020, CMS_CONTROL, true).u32(0x000D, 600).integrity().build());
        control.client(TestStun.of(0x0008, 12).address(0x0012, PEER.withPort(0), true).integrity().build());
        control.server(TestStun.of(0x0108, 12).integrity().build());
        control.client(TestStun.of(0x000A, 13).address(0x0012, PEER, true).integrity().build());
        control.server(TestStun.of(0x010A, 13).connectionId(0x1234ABCD).integrity().build());
        Tcp data = new Tcp(f, CMS_DATA, EXPRESSWAY);
        data.client(TestStun.of(0x000B, 14).connectionId(0x1234ABCD).username("cms-turn").integrity().build());
        data.server(concat(TestStun.of(0x010B, 14).integrity().build(),
                TestStun.of(0x0001, 15).username("c7Hn:Yq5v").rfc4571()));
        data.client(TestStun.of(0x0101, 15).address(0x0020, PEER, true).rfc4571());
        data.client(TestStun.of(0x0001, 16).username("Yq5v:c7Hn").attr(0x0025, new byte[0]).rfc4571());
        data.server(TestStun.of(0x0101, 16).rfc4571());
        data.client(TestStun.framed(TestStun.rtp(1000, 1)));
        data.server(TestStun.framed(TestStun.rtp(200, 1)));
        return f.packets;
    }

    /** A SIP INVITE over UDP in three IPv4 fragments (last one first), and the ASMCU's 488 with 21002. */
    public static List<RawPacket> fragmentedSip() {
        Frames f = new Frames(LINKTYPE_RAW, ip -> ip);
        String sdp = "v=0\r\no=- 0 1 IN IP4 203.0.113.10\r\ns=session\r\nc=IN IP4 203.0.113.10\r\nt=0 0\r\n"
                + "m=applicationsharing 52044 TCP/RTP/AVP 127\r\na=ice-ufrag:Yq5v\r\n"
                + "a=ice-pwd:0aLmX8fQpR2sT4uV6wX8yZ1b\r\n"
                + "a=candidate:3 1 TCP-PASS 20906239 203.0.113.10 52044 typ relay raddr 198.51.100.77 rport 50110 \r\n"
                + "a=x-applicationsharing-session-id:1\r\na=x-applicationsharing-role:sharer\r\n"
                + "a=x-applicationsharing-media-type:rdp\r\na=rtpmap:127 x-data/90000\r\n"
                + "a=x-padding:" + "x".repeat(2500) + "\r\n";
        String invite = "INVITE sip:asmcu@example.org SIP/2.0\r\nVia: SIP/2.0/UDP 10.20.30.40:5060\r\n"
                + "From: <sip:alice@example.org>;tag=a1\r\nTo: <sip:asmcu@example.org>\r\nCall-ID: frag-1@x\r\n"
                + "CSeq: 1 INVITE\r\nUser-Agent: UCCAPI/16.0.4417.1000 OC/16.0.4417.1000 (Skype for Business)\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
        byte[] udp = TestFrames.udp(5060, 5060, invite.getBytes(StandardCharsets.US_ASCII));
        int[] cuts = {0, 1480, 2960, udp.length};
        List<byte[]> fragments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] piece = Arrays.copyOfRange(udp, cuts[i], cuts[i + 1]);
            fragments.add(TestFrames.ipv4("10.20.30.40", "10.1.1.20", 17, 77, i < 2, cuts[i], 20 + piece.length,
                    piece));
        }
        f.add(fragments.get(2));
        f.add(fragments.get(0));
        f.add(fragments.get(1));
        String reject = "SIP/2.0 488 Not Acceptable Here\r\nVia: SIP/2.0/UDP 10.20.30.40:5060\r\n"
                + "From: <sip:alice@example.org>;tag=a1\r\nTo: <sip:asmcu@example.org>;tag=z9\r\n"
                + "Call-ID: frag-1@x\r\nCSeq: 1 INVITE\r\nServer: RTC/6.0\r\nms-diagnostics-public: 21002;"
                + "reason=\"Attendees cannot share in this conference\";component=\"ASMCU\"\r\nContent-Length: 0\r\n\r\n";
        f.add(TestFrames.ipv4("10.1.1.20", "10.20.30.40", 17,
                TestFrames.udp(5060, 5060, reject.getBytes(StandardCharsets.US_ASCII))));
        return f.packets;
    }

    /** A Binding request to a closed port, and the ICMP port unreachable that quotes it. */
    public static List<RawPacket> bouncedBinding() {
        Frames f = new Frames(LINKTYPE_RAW, ip -> ip);
        byte[] request = TestFrames.ipv4("10.1.1.20", "192.0.2.50", 17,
                TestFrames.udp(33000, 3478, TestStun.of(0x0001, 20).build()));
        f.add(request);
        f.add(TestFrames.ipv4("192.0.2.50", "10.1.1.20", 1, TestFrames.icmp(3, 3, request)));
        return f.packets;
    }

    static byte[] pcapng(List<RawPacket> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN)) {
            for (RawPacket p : packets) {
                w.write(p);
            }
        }
        return out.toByteArray();
    }

    static byte[] pcap(List<RawPacket> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, packets.get(0).linkType(), true, ByteOrder.BIG_ENDIAN)) {
            for (RawPacket p : packets) {
                w.write(p);
            }
        }
        return out.toByteArray();
    }
}
