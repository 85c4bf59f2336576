package org.turnladder.capture;

/**
 * One captured frame exactly as stored in the file.
 *
 * @param frame          1-based frame number in capture order (Wireshark's numbering)
 * @param epochNanos     capture time, nanoseconds since the Unix epoch
 * @param linkType       LINKTYPE_* value of the interface that captured it
 * @param originalLength length on the wire (may exceed {@code data.length} when the snap length cut it)
 * @param data           captured bytes; owned by this record, never modified after reading
 */
public record RawPacket(long frame, long epochNanos, int linkType, int originalLength, byte[] data) {

    /** Whether the capture stored fewer bytes than were on the wire. */
    public boolean truncated() {
        return originalLength > data.length;
    }
}
