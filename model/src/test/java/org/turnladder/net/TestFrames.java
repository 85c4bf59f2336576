package org.turnladder.net;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** Builds synthetic link, IP and transport headers for tests. Checksums are left zero (nobody verifies them). */
public final class TestFrames {
    private TestFrames() {
    }

    public static final int ETH_IPV4 = 0x0800, ETH_IPV6 = 0x86dd, TPID_8021Q = 0x8100, TPID_8021AD = 0x88a8;

    /** A byte sink with big-endian helpers. */
    public static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Bytes u8(int v) {
            out.write(v);
            return this;
        }

        public Bytes u16(int v) {
            return u8(v >> 8).u8(v);
        }

        public Bytes u32(long v) {
            return u16((int) (v >> 16)).u16((int) v);
        }

        public Bytes put(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        public Bytes zeros(int n) {
            return put(new byte[n]);
        }

        public int size() {
            return out.size();
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }

    public static byte[] addr(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    public static byte[] concat(byte[]... parts) {
        Bytes b = new Bytes();
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.bytes();
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ---- transport ----

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        return new Bytes().u16(srcPort).u16(dstPort).u16(8 + payload.length).u16(0).put(payload).bytes();
    }

    /** TCP with the given option bytes (padded to 4) and payload. */
    public static byte[] tcp(int srcPort, int dstPort, long seq, long ack, int flags, int window, byte[] options,
                             byte[] payload) {
        int optLen = (options.length + 3) & ~3;
        int headerWords = (20 + optLen) / 4;
        return new Bytes().u16(srcPort).u16(dstPort).u32(seq).u32(ack).u8(headerWords << 4).u8(flags).u16(window)
                .u16(0).u16(0).put(options).zeros(optLen - options.length).put(payload).bytes();
    }

    /** A STUN Binding request with a fixed transaction id and no attributes. */
    public static byte[] stunBindingRequest() {
        return new Bytes().u16(0x0001).u16(0).u32(0x2112A442L).put(ascii("TRANSACTION1")).bytes();
    }

    // ---- IP ----

    public static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
        return ipv4(src, dst, protocol, 0x1234, false, 0, 20 + payload.length, payload);
    }

    /** IPv4 with explicit identification, MF flag, fragment offset (bytes, multiple of 8) and total length. */
    public static byte[] ipv4(String src, String dst, int protocol, int id, boolean more, int fragmentOffset,
                              int totalLength, byte[] payload) {
        int flags = (more ? 0x2000 : 0) | (fragmentOffset / 8);
        return new Bytes().u8(0x45).u8(0).u16(totalLength).u16(id).u16(flags).u8(64).u8(protocol).u16(0)
                .put(addr(src)).put(addr(dst)).put(payload).bytes();
    }

    /** IPv6; {@code rest} starts with the header named by {@code nextHeader}. */
    public static byte[] ipv6(String src, String dst, int nextHeader, byte[] rest) {
        return new Bytes().u32(0x60000000L).u16(rest.length).u8(nextHeader).u8(64).put(addr(src)).put(addr(dst))
                .put(rest).bytes();
    }

    /** A hop-by-hop / destination-options / routing style header (8 bytes of padding options). */
    public static byte[] optionsHeader(int next, byte[] inner) {
        return new Bytes().u8(next).u8(0).u8(1).u8(4).zeros(4).put(inner).bytes(); // PadN option of 4 bytes
    }

    /** An authentication header with 12 bytes of ICV (length field 4 = 24 bytes). */
    public static byte[] authHeader(int next, byte[] inner) {
        return new Bytes().u8(next).u8(4).u16(0).u32(0x1000).u32(1).zeros(12).put(inner).bytes();
    }

    public static byte[] fragmentHeader(int next, int offset, boolean more, long id, byte[] data) {
        return new Bytes().u8(next).u8(0).u16(offset | (more ? 1 : 0)).u32(id).put(data).bytes();
    }

    // ---- ICMP ----

    public static byte[] icmp(int type, int code, byte[] quoted) {
        return new Bytes().u8(type).u8(code).u16(0).u32(0).put(quoted).bytes();
    }

    // ---- link layers ----

    /** Ethernet II with optional VLAN tags given as TPID, TCI pairs. */
    public static byte[] ethernet(int etherType, byte[] payload, int... tags) {
        Bytes b = new Bytes().put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55}).put(new byte[] {0, 0x66, 0x77, 0x18, 0x19, 0x1a});
        for (int i = 0; i + 1 < tags.length; i += 2) {
            b.u16(tags[i]).u16(tags[i + 1]);
        }
        return b.u16(etherType).put(payload).bytes();
    }

    public static byte[] sll(int protocol, byte[] payload) {
        return new Bytes().u16(0).u16(1).u16(6).put(new byte[] {0, 1, 2, 3, 4, 5, 0, 0}).u16(protocol).put(payload)
                .bytes();
    }

    public static byte[] sll2(int protocol, byte[] payload) {
        return new Bytes().u16(protocol).u16(0).u32(2).u16(1).u8(0).u8(6).put(new byte[] {0, 1, 2, 3, 4, 5, 0, 0})
                .put(payload).bytes();
    }

    /** BSD null/loopback header: the family in the given byte order. */
    public static byte[] loopback(int family, boolean bigEndian, byte[] payload) {
        Bytes b = new Bytes();
        if (bigEndian) {
            b.u32(family);
        } else {
            b.u8(family).u8(family >> 8).u8(family >> 16).u8(family >> 24);
        }
        return b.put(payload).bytes();
    }
}
