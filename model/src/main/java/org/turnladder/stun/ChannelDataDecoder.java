package org.turnladder.stun;

import java.util.ArrayList;
import java.util.List;

/** TURN ChannelData framing and decoding (PROTOCOLS.md §5.2). Never throws. */
public final class ChannelDataDecoder {
    public static final int HEADER_LENGTH = 4;
    private static final int MS_SESSION_ID_LENGTH = 8;

    private ChannelDataDecoder() {
    }

    /** Channel numbers this decoder accepts: 0x4000–0x7FFF (RFC 5766) and MS multiplexed 0xFF10. */
    public static boolean isChannel(int channel) {
        return (channel >= 0x4000 && channel <= 0x7FFF) || channel == ChannelDataMessage.MS_MULTIPLEX_CHANNEL;
    }

    /**
     * Total length of the ChannelData message starting at {@code off}: 4 + Length, rounded up to 4 over a stream
     * (padding is mandatory on TCP/TLS); {@code 0} if fewer than 4 bytes are available to decide; {@code -1} if the
     * first bytes are not a channel number.
     */
    public static int messageLength(byte[] buf, int off, int avail, boolean overStream) {
        if (avail <= 0) {
            return 0;
        }
        int b0 = buf[off] & 0xff;
        if ((b0 & 0xC0) != 0x40 && b0 != 0xFF) {
            return -1;
        }
        if (avail < 2) {
            return 0;
        }
        if (!isChannel(Bytes.u16(buf, off))) {
            return -1;
        }
        if (avail < HEADER_LENGTH) {
            return 0;
        }
        int total = HEADER_LENGTH + Bytes.u16(buf, off + 2);
        return overStream ? (total + 3) & ~3 : total;
    }

    /**
     * @param len        exactly the message's bytes (over a stream: including the padding)
     * @param overStream whether it came over TCP/TLS, where padding to 4 bytes is mandatory
     */
    public static ChannelDataMessage decode(byte[] buf, int off, int len, boolean overStream) {
        List<String> warnings = new ArrayList<>(1);
        if (buf == null || off < 0 || len < 0 || off > buf.length || len > buf.length - off) {
            warnings.add("no message bytes (offset/length outside the buffer)");
            return new ChannelDataMessage(0, -1, -1, null, 0, 0, 0, warnings);
        }
        if (len < HEADER_LENGTH) {
            warnings.add("only " + len + " bytes, too short for a ChannelData header (4)");
            return new ChannelDataMessage(len, len >= 2 ? Bytes.u16(buf, off) : -1, -1, null, 0, 0, 0, warnings);
        }
        int channel = Bytes.u16(buf, off);
        int declared = Bytes.u16(buf, off + 2);
        if (!isChannel(channel)) {
            warnings.add(String.format("channel number 0x%04x outside 0x4000–0x7fff", channel));
        }
        int available = len - HEADER_LENGTH;
        int dataOffset = HEADER_LENGTH;
        int dataLength = Math.min(declared, available);
        if (declared > available) {
            warnings.add("ChannelData truncated: Length " + declared + ", " + available + " bytes present");
        }
        String session = null;
        if (channel == ChannelDataMessage.MS_MULTIPLEX_CHANNEL && dataLength >= MS_SESSION_ID_LENGTH) {
            session = Bytes.hex(buf, off + HEADER_LENGTH, MS_SESSION_ID_LENGTH);
            dataOffset += MS_SESSION_ID_LENGTH;
            dataLength -= MS_SESSION_ID_LENGTH;
        }
        int padding = Math.max(0, available - declared);
        int expectedPadding = (-declared) & 3;
        if (padding > 3) {
            warnings.add((padding - expectedPadding) + " bytes after the data and its padding");
        } else if (overStream && declared <= available && padding != expectedPadding) {
            warnings.add("padding is " + padding + " bytes, " + expectedPadding + " required over a stream");
        } else if (!overStream && padding != 0 && padding != expectedPadding) {
            warnings.add("padding is " + padding + " bytes, expected 0 or " + expectedPadding);
        }
        return new ChannelDataMessage(len, channel, declared, session, dataOffset, dataLength, padding, warnings);
    }
}
