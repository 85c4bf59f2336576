package org.turnladder.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * pcapng files: any number of sections (each with its own byte order and interfaces), interfaces with their own
 * link type, {@code if_tsresol} and {@code if_tsoffset}; Enhanced, Simple and obsolete Packet Blocks. Other blocks
 * are skipped without being loaded.
 */
final class PcapngReader extends RecordReader {
    static final int SHB = 0x0a0d0d0a;
    static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final int IDB = 1, OBSOLETE_PB = 2, SPB = 3, NRB = 4, ISB = 5, EPB = 6, JOURNAL = 9, DSB = 10;
    private static final int CUSTOM_COPY = 0x00000bad, CUSTOM_NO_COPY = 0x40000bad;
    /** Largest block that is loaded whole (packet, interface and section header blocks). */
    private static final int MAX_LOADED_BLOCK = 16 << 20;
    private static final int OPT_IF_TSRESOL = 9, OPT_IF_TSOFFSET = 14;

    private record Interface(int linkType, long snaplen, TimestampScale scale) {
    }

    private boolean bigEndian;
    private final List<Interface> interfaces = new ArrayList<>();
    private final Set<Integer> unknownTypesSeen = new HashSet<>();

    /** Reads the first section header; the input's first 4 bytes are known to be the SHB type. */
    PcapngReader(ChannelInput in) throws IOException {
        super(in);
        String problem = readSectionHeader();
        if (problem != null) {
            throw new CaptureFormatException(problem);
        }
    }

    @Override
    RawPacket readNext() throws IOException {
        while (true) {
            long blockOffset = in.offset();
            if (!in.require(8)) {
                if (in.available() == 0) {
                    return null;
                }
                return truncated("the block at offset " + blockOffset, in.available(), 8);
            }
            byte[] b = in.array();
            int p = in.pos();
            int type = Bytes.i32(b, p, bigEndian);
            if (type == SHB) {
                String problem = readSectionHeader();
                if (problem != null) {
                    return corrupt(problem);
                }
                if (isDone()) {
                    return null;
                }
                continue;
            }
            long length = Bytes.u32L(b, p + 4, bigEndian);
            if (length < 12 || (length & 3) != 0) {
                return corrupt("block at offset " + blockOffset + " has an impossible length of " + length + " bytes");
            }
            long left = in.size() >= 0 ? in.size() - blockOffset : Long.MAX_VALUE;
            boolean packet = type == EPB || type == SPB || type == OBSOLETE_PB;
            String what = packet ? "frame " + (frames + 1) : "the block at offset " + blockOffset;
            if (packet) {
                frames++;
            }
            if (!packet && type != IDB) {
                noteSkipped(type, blockOffset);
                if (length > left) {
                    in.skip(left);
                    return truncated(what, left, length);
                }
                if (!in.skip(length - 4) || !in.require(4)) {
                    return truncated(what, in.offset() - blockOffset + in.available(), length);
                }
                if (!trailerMatches(length, blockOffset)) {
                    return null;
                }
                continue;
            }
            if (length > MAX_LOADED_BLOCK) {
                return corrupt("block at offset " + blockOffset + " claims " + length + " bytes");
            }
            if (length > left) {
                return truncated(what, left, length);
            }
            if (!in.require((int) length)) {
                return truncated(what, in.available(), length);
            }
            b = in.array();
            p = in.pos();
            if (Bytes.u32L(b, p + (int) length - 4, bigEndian) != length) {
                return corrupt("block at offset " + blockOffset + " ends with a length that differs from its start");
            }
            RawPacket result = type == IDB ? readInterface(b, p, (int) length) : readPacket(type, b, p, (int) length);
            in.advance((int) length);
            if (result != null) {
                return result;
            }
            if (isDone()) {
                return null;
            }
        }
    }

    private boolean trailerMatches(long length, long blockOffset) {
        long trailer = Bytes.u32L(in.array(), in.pos(), bigEndian);
        in.advance(4);
        if (trailer != length) {
            corrupt("block at offset " + blockOffset + " ends with a length that differs from its start");
            return false;
        }
        return true;
    }

    private void noteSkipped(int type, long blockOffset) {
        boolean known = type == NRB || type == ISB || type == JOURNAL || type == DSB || type == CUSTOM_COPY
                || type == CUSTOM_NO_COPY;
        if (!known && unknownTypesSeen.add(type)) {
            warn(String.format("skipped a block of unknown type 0x%08x at offset %d", type, blockOffset));
        }
    }

    /** Reads a section header block at the current position; returns a problem, or null when it was read. */
    private String readSectionHeader() throws IOException {
        long blockOffset = in.offset();
        if (!in.require(12)) {
            if (frames == 0 && blockOffset == 0) {
                return "truncated pcapng section header (file has " + in.available() + " of 28 bytes)";
            }
            truncated("the section header at offset " + blockOffset, in.available(), 28);
            return null;
        }
        byte[] b = in.array();
        int p = in.pos();
        int bom = Bytes.i32(b, p + 8, true);
        boolean be;
        if (bom == BYTE_ORDER_MAGIC) {
            be = true;
        } else if (Bytes.i32(b, p + 8, false) == BYTE_ORDER_MAGIC) {
            be = false;
        } else {
            return "pcapng section header at offset " + blockOffset + " has no valid byte-order magic";
        }
        long length = Bytes.u32L(b, p + 4, be);
        if (length < 28 || (length & 3) != 0 || length > MAX_LOADED_BLOCK) {
            return "pcapng section header at offset " + blockOffset + " has an impossible length of " + length
                    + " bytes";
        }
        if (!in.require((int) length)) {
            if (blockOffset == 0) {
                return "truncated pcapng section header (file has " + in.available() + " of " + length + " bytes)";
            }
            truncated("the section header at offset " + blockOffset, in.available(), length);
            return null;
        }
        b = in.array();
        p = in.pos();
        int major = Bytes.u16(b, p + 12, be);
        int minor = Bytes.u16(b, p + 14, be);
        if (major != 1) {
            return "unsupported pcapng version " + major + "." + minor;
        }
        if (Bytes.u32L(b, p + (int) length - 4, be) != length) {
            return "pcapng section header at offset " + blockOffset + " ends with a length that differs from its start";
        }
        bigEndian = be;
        interfaces.clear(); // interface ids are numbered per section
        in.advance((int) length);
        return null;
    }

    private RawPacket readInterface(byte[] b, int p, int length) {
        if (length < 20) {
            warn("interface description at offset " + in.offset() + " is too short; its packets will be skipped");
            interfaces.add(null);
            return null;
        }
        int linkType = Bytes.u16(b, p + 8, bigEndian);
        long snaplen = Bytes.u32L(b, p + 12, bigEndian);
        int tsresol = 6;
        long tsoffset = 0;
        int o = p + 16;
        int end = p + length - 4;
        while (o + 4 <= end) {
            int code = Bytes.u16(b, o, bigEndian);
            int len = Bytes.u16(b, o + 2, bigEndian);
            if (code == 0 || o + 4 + len > end) {
                break;
            }
            if (code == OPT_IF_TSRESOL && len >= 1) {
                tsresol = b[o + 4] & 0xff;
            } else if (code == OPT_IF_TSOFFSET && len >= 8) {
                tsoffset = Bytes.i64(b, o + 4, bigEndian);
            }
            o += 4 + ((len + 3) & ~3);
        }
        interfaces.add(new Interface(linkType, snaplen,
                tsresol == 6 && tsoffset == 0 ? TimestampScale.MICROS : new TimestampScale(tsresol, tsoffset)));
        return null;
    }

    private RawPacket readPacket(int type, byte[] b, int p, int length) {
        long frame = frames;
        int body = length - 12;
        int interfaceId;
        long units = 0;
        boolean timed = type != SPB; // simple packet blocks carry no timestamp
        long caplen;
        long origlen;
        int dataStart;
        if (type == SPB) {
            if (body < 4) {
                warn("frame " + frame + " is skipped: its simple packet block is too short");
                return null;
            }
            interfaceId = 0;
            origlen = Bytes.u32L(b, p + 8, bigEndian);
            caplen = Math.min(origlen, body - 4);
            Interface first = interfaces.isEmpty() ? null : interfaces.get(0);
            if (first != null && first.snaplen() > 0) {
                caplen = Math.min(caplen, first.snaplen());
            }
            dataStart = p + 12;
        } else {
            if (body < 20) {
                warn("frame " + frame + " is skipped: its packet block is too short");
                return null;
            }
            if (type == EPB) {
                interfaceId = Bytes.i32(b, p + 8, bigEndian);
            } else {
                interfaceId = Bytes.u16(b, p + 8, bigEndian);
            }
            units = (Bytes.u32L(b, p + 12, bigEndian) << 32) | Bytes.u32L(b, p + 16, bigEndian);
            caplen = Bytes.u32L(b, p + 20, bigEndian);
            origlen = Bytes.u32L(b, p + 24, bigEndian);
            dataStart = p + 28;
            if (caplen > body - 20) {
                warn("frame " + frame + " is skipped: its captured length " + caplen + " exceeds its block");
                return null;
            }
        }
        if (interfaceId < 0 || interfaceId >= interfaces.size() || interfaces.get(interfaceId) == null) {
            warn("frame " + frame + " is skipped: it names interface " + Integer.toUnsignedString(interfaceId)
                    + ", which its section does not describe");
            return null;
        }
        if (caplen > MAX_CAPLEN) {
            warn("frame " + frame + " is skipped: it claims " + caplen + " captured bytes");
            return null;
        }
        Interface itf = interfaces.get(interfaceId);
        long nanos = timed ? itf.scale().toEpochNanos(units) : 0;
        byte[] data = Arrays.copyOfRange(b, dataStart, dataStart + (int) caplen);
        return new RawPacket(frame, nanos, itf.linkType(), (int) Math.min(origlen, Integer.MAX_VALUE), data);
    }
}
