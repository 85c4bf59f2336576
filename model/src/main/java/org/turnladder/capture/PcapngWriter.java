package org.turnladder.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a one-section pcapng file: an interface description block (with {@code if_tsresol} 9, i.e. nanosecond
 * timestamps) for each link type the first time a frame of that type comes, then an enhanced packet block per frame.
 */
public final class PcapngWriter implements Closeable {
    private static final int OPT_SHB_USERAPPL = 4;

    private final OutputStream out;
    private final ByteOrder order;
    private final Map<Integer, Integer> interfaceOfLinkType = new HashMap<>();
    private ByteBuffer block = ByteBuffer.allocate(1024);

    /** Writes the section header to {@code out} (which this writer then owns). */
    public PcapngWriter(OutputStream out, ByteOrder order) throws IOException {
        this.out = out;
        this.order = order;
        byte[] app = "TurnLadder".getBytes(StandardCharsets.US_ASCII);
        start(PcapngReader.SHB);
        block.putInt(PcapngReader.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        option(OPT_SHB_USERAPPL, app);
        block.putInt(0); // opt_endofopt
        end();
    }

    /** A little-endian pcapng file at {@code file}. */
    public static PcapngWriter create(Path file) throws IOException {
        return new PcapngWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), ByteOrder.LITTLE_ENDIAN);
    }

    /** Appends one frame, describing its link type first if it is new to the file. */
    public void write(RawPacket packet) throws IOException {
        Integer id = interfaceOfLinkType.get(packet.linkType());
        if (id == null) {
            id = interfaceOfLinkType.size();
            interfaceOfLinkType.put(packet.linkType(), id);
            start(1);
            block.putShort((short) packet.linkType()).putShort((short) 0).putInt(0);
            option(9, new byte[] {9});
            block.putInt(0);
            end();
        }
        byte[] data = packet.data();
        start(6);
        long t = packet.epochNanos();
        block.putInt(id).putInt((int) (t >>> 32)).putInt((int) t).putInt(data.length)
                .putInt(Math.max(packet.originalLength(), data.length));
        ensure(data.length + 8);
        block.put(data);
        pad();
        end();
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void start(int type) {
        block.clear();
        block.order(order);
        block.putInt(type).putInt(0); // length patched in end()
    }

    private void option(int code, byte[] value) {
        ensure(value.length + 8);
        block.putShort((short) code).putShort((short) value.length).put(value);
        pad();
    }

    private void pad() {
        while ((block.position() & 3) != 0) {
            block.put((byte) 0);
        }
    }

    private void ensure(int more) {
        if (block.remaining() < more + 8) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(block.capacity() * 2, block.position() + more + 64));
            block.flip();
            bigger.order(order).put(block);
            block = bigger;
        }
    }

    private void end() throws IOException {
        int length = block.position() + 4;
        block.putInt(length);
        block.putInt(4, length);
        out.write(block.array(), 0, length);
    }
}
