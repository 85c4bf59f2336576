package org.turnladder.framing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Builds STUN messages for framing tests: RFC 5389 with cookie and FINGERPRINT, or MS-TURN. */
public final class TestStun {
    public static final int BINDING_REQUEST = 0x0001, BINDING_SUCCESS = 0x0101, ALLOCATE_REQUEST = 0x0003,
            ALLOCATE_SUCCESS = 0x0103, CONNECT_SUCCESS = 0x010A, CONNECTION_BIND_REQUEST = 0x000B,
            CONNECTION_BIND_SUCCESS = 0x010B, CONNECTION_BIND_ERROR = 0x011B;

    private final int type;
    private byte[] txid = new byte[12];
    private boolean cookie = true;
    private final ByteArrayOutputStream attrs = new ByteArrayOutputStream();
    private boolean ms;

    private TestStun(int type, int seed) {
        this.type = type;
        for (int i = 0; i < 12; i++) {
            txid[i] = (byte) (seed * 31 + i);
        }
    }

    public static TestStun of(int type, int seed) {
        return new TestStun(type, seed);
    }

    /** RFC 3489 / old MS-TURN: a 16-byte transaction id, no magic cookie. */
    public TestStun noCookie() {
        cookie = false;
        byte[] t = new byte[16];
        for (int i = 0; i < 16; i++) {
            t[i] = (byte) (txid[i % 12] * 7 + i + 1);
        }
        txid = t;
        return this;
    }

    /** Header bytes 4–19: the key XOR addresses are masked with. */
    private byte[] xorKey() {
        ByteBuffer k = ByteBuffer.allocate(16);
        if (cookie) {
            k.putInt(0x2112A442);
        }
        k.put(txid);
        return k.array();
    }

    /** An address attribute, plain or XORed with header bytes 4–19 (the cookie and transaction id). */
    public TestStun address(int t, org.turnladder.net.Endpoint e, boolean xor) {
        byte[] a = e.addressBytes();
        byte[] key = xorKey();
        int port = e.port();
        if (xor) {
            port ^= ((key[0] & 0xff) << 8) | (key[1] & 0xff);
            for (int i = 0; i < a.length; i++) {
                a[i] ^= key[i];
            }
        }
        ByteBuffer v = ByteBuffer.allocate(4 + a.length).put((byte) 0).put((byte) (a.length == 4 ? 1 : 2))
                .putShort((short) port).put(a);
        return attr(t, v.array());
    }

    public TestStun u32(int t, long value) {
        return attr(t, ByteBuffer.allocate(4).putInt((int) value).array());
    }

    public TestStun text(int t, String value) {
        return attr(t, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public TestStun errorCode(int code, String reason) {
        byte[] r = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return attr(0x0009, ByteBuffer.allocate(4 + r.length).putShort((short) 0).put((byte) (code / 100))
                .put((byte) (code % 100)).put(r).array());
    }

    /** A 20-byte MESSAGE-INTEGRITY placeholder (nobody here knows the password). */
    public TestStun integrity() {
        return attr(0x0008, new byte[20]);
    }

    /** MS-TURN: MAGIC-COOKIE attribute first. */
    public TestStun msTurn() {
        ms = true;
        return attr(0x000F, new byte[] {0x72, (byte) 0xC6, 0x4B, (byte) 0xC6});
    }

    public TestStun attr(int t, byte[] value) {
        attrs.write(t >> 8);
        attrs.write(t);
        attrs.write(value.length >> 8);
        attrs.write(value.length);
        attrs.writeBytes(value);
        int pad = ms ? 0 : (4 - value.length % 4) % 4;
        attrs.write(new byte[pad], 0, pad);
        return this;
    }

    public TestStun connectionId(int cid) {
        return attr(0x002A, ByteBuffer.allocate(4).putInt(cid).array());
    }

    public TestStun username(String u) {
        return attr(0x0006, u.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public byte[] build() {
        byte[] a = attrs.toByteArray();
        boolean fp = !ms;
        int len = a.length + (fp ? 8 : 0);
        ByteBuffer b = ByteBuffer.allocate(20 + len);
        b.putShort((short) type).putShort((short) len);
        if (cookie) {
            b.putInt(0x2112A442);
        }
        b.put(txid).put(a);
        if (fp) {
            CRC32 crc = new CRC32();
            crc.update(b.array(), 0, 20 + a.length);
            b.putShort((short) 0x8028).putShort((short) 4).putInt((int) crc.getValue() ^ 0x5354554E);
        }
        return b.array();
    }

    /** The same message behind an RFC 4571 two-byte length. */
    public byte[] rfc4571() {
        return framed(build());
    }

    public static byte[] framed(byte[] payload) {
        return ByteBuffer.allocate(2 + payload.length).putShort((short) payload.length).put(payload).array();
    }

    /** An MS-TURN TCP frame: type 02 (control) or 03 (data), reserved 0, length. */
    public static byte[] msFrame(int frameType, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) frameType).put((byte) 0)
                .putShort((short) payload.length).put(payload).array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** An RTP packet (version 2, PT 127 as app sharing uses) of {@code size} bytes. */
    public static byte[] rtp(int size, int seq) {
        byte[] r = new byte[size];
        r[0] = (byte) 0x80;
        r[1] = 0x7F;
        r[2] = (byte) (seq >> 8);
        r[3] = (byte) seq;
        return r;
    }
}
