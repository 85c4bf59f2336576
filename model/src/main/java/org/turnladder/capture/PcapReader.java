package org.turnladder.capture;

import java.io.IOException;
import java.util.Arrays;

/**
 * Classic libpcap files: microsecond (a1b2c3d4) and nanosecond (a1b23c4d) magic in either byte order, and the
 * old Kuznetzov "modified" format (a1b2cd34) whose record headers carry 8 extra bytes.
 */
final class PcapReader extends RecordReader {
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int MAGIC_MODIFIED = 0xa1b2cd34;
    private static final int FILE_HEADER = 24;

    private final boolean bigEndian;
    private final int fractionToNanos;
    private final int recordHeader;
    private final int linkType;

    /** Reads the file header; the input's first 4 bytes are known to be a pcap magic. */
    PcapReader(ChannelInput in) throws IOException {
        super(in);
        if (!in.require(FILE_HEADER)) {
            throw new CaptureFormatException("truncated pcap file header (file has " + in.available() + " of "
                    + FILE_HEADER + " bytes)");
        }
        byte[] b = in.array();
        int p = in.pos();
        int magicBe = Bytes.i32(b, p, true);
        boolean be = isMagic(magicBe);
        this.bigEndian = be;
        int magic = be ? magicBe : Bytes.i32(b, p, false);
        this.fractionToNanos = magic == MAGIC_NANOS ? 1 : 1000;
        this.recordHeader = magic == MAGIC_MODIFIED ? 24 : 16;
        int major = Bytes.u16(b, p + 4, be);
        if (major != 2) {
            throw new CaptureFormatException("unsupported pcap version " + major + "." + Bytes.u16(b, p + 6, be));
        }
        // the upper bits of the link type field carry FCS information, not the type
        this.linkType = Bytes.i32(b, p + 20, be) & 0x03ffffff;
        in.advance(FILE_HEADER);
    }

    static boolean isMagic(int m) {
        return m == MAGIC_MICROS || m == MAGIC_NANOS || m == MAGIC_MODIFIED;
    }

    int linkType() {
        return linkType;
    }

    @Override
    RawPacket readNext() throws IOException {
        long frame = frames + 1;
        if (!in.require(recordHeader)) {
            if (in.available() == 0) {
                return null;
            }
            frames = frame;
            return truncated("frame " + frame, in.available(), recordHeader);
        }
        frames = frame;
        byte[] b = in.array();
        int p = in.pos();
        long seconds = Bytes.u32L(b, p, bigEndian);
        long fraction = Bytes.u32L(b, p + 4, bigEndian);
        long caplen = Bytes.u32L(b, p + 8, bigEndian);
        long origlen = Bytes.u32L(b, p + 12, bigEndian);
        if (caplen > MAX_CAPLEN) {
            return corrupt("frame " + frame + " claims " + caplen + " captured bytes (more than the "
                    + MAX_CAPLEN + " any capture tool writes)");
        }
        int total = recordHeader + (int) caplen;
        long left = in.size() >= 0 ? in.size() - in.offset() : Long.MAX_VALUE;
        if (total > left) {
            return truncated("frame " + frame, left, total);
        }
        if (!in.require(total)) {
            return truncated("frame " + frame, in.available(), total);
        }
        b = in.array();
        p = in.pos();
        byte[] data = Arrays.copyOfRange(b, p + recordHeader, p + total);
        in.advance(total);
        long nanos = seconds * 1_000_000_000L + fraction * fractionToNanos;
        int original = (int) Math.min(origlen, Integer.MAX_VALUE);
        return new RawPacket(frame, nanos, linkType, original, data);
    }
}
