package org.turnladder.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes pcapng blocks one by one, in any byte order, for tests that need what {@link PcapngWriter} never writes. */
final class PcapngBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    /** Starts a section in the given byte order. */
    PcapngBuilder section(ByteOrder sectionOrder) {
        order = sectionOrder;
        ByteBuffer body = body(16).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1);
        return block(0x0a0d0d0a, body);
    }

    /** An interface; {@code tsresol} and {@code tsoffset} options are written when not null. */
    PcapngBuilder idb(int linkType, int snaplen, Integer tsresol, Long tsoffset) {
        ByteBuffer body = body(40).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        if (tsresol != null) {
            body.putShort((short) 9).putShort((short) 1).put((byte) (int) tsresol).put(new byte[3]);
        }
        if (tsoffset != null) {
            body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        body.putInt(0);
        return block(1, body);
    }

    PcapngBuilder epb(int interfaceId, long units, byte[] data, int originalLength) {
        ByteBuffer body = body(20 + data.length + 4).putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(data.length).putInt(originalLength).put(data);
        return block(6, pad(body));
    }

    PcapngBuilder obsoletePacket(int interfaceId, long units, byte[] data) {
        ByteBuffer body = body(20 + data.length + 4).putShort((short) interfaceId).putShort((short) 0)
                .putInt((int) (units >>> 32)).putInt((int) units).putInt(data.length).putInt(data.length).put(data);
        return block(2, pad(body));
    }

    PcapngBuilder spb(byte[] data, int originalLength) {
        return block(3, pad(body(4 + data.length + 4).putInt(originalLength).put(data)));
    }

    /** A block of any type with a zero body of the given length (multiple of 4). */
    PcapngBuilder other(int type, int bodyLength) {
        return block(type, body(bodyLength).put(new byte[bodyLength]));
    }

    /** Raw bytes, e.g. a corrupt block. */
    PcapngBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private ByteBuffer body(int capacity) {
        return ByteBuffer.allocate(capacity + 8).order(order);
    }

    private static ByteBuffer pad(ByteBuffer b) {
        while ((b.position() & 3) != 0) {
            b.put((byte) 0);
        }
        return b;
    }

    private PcapngBuilder block(int type, ByteBuffer body) {
        int length = body.position() + 12;
        ByteBuffer block = ByteBuffer.allocate(length).order(order);
        block.putInt(type).putInt(length).put(body.array(), 0, body.position()).putInt(length);
        out.writeBytes(block.array());
        return this;
    }
}
