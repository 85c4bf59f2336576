package org.turnladder.stun;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.decode.Field;
import org.turnladder.decode.Payload;

/**
 * A TURN ChannelData message (RFC 5766 §11.4, RFC 8656 §12; PROTOCOLS.md §5.2). The data is not copied:
 * {@code dataOffset}/{@code dataLength} locate it relative to the message start.
 *
 * @param length        bytes decoded (the {@code len} given to the decoder)
 * @param channel       channel number (0x4000–0x7FFF, or 0xFF10 for MS multiplexed TURN)
 * @param declaredLength the header's data length
 * @param msSessionId   MS multiplexed-TURN session id (16 hex digits) for channel 0xFF10, else {@code null}
 * @param dataOffset    first application-data byte
 * @param dataLength    application-data bytes present (may be less than declared when truncated)
 * @param padding       padding bytes after the data
 * @param warnings      problems found
 */
public record ChannelDataMessage(int length, int channel, int declaredLength, String msSessionId, int dataOffset,
                                 int dataLength, int padding, List<String> warnings) implements Payload {
    public static final int MS_MULTIPLEX_CHANNEL = 0xFF10;

    public ChannelDataMessage {
        warnings = List.copyOf(warnings);
    }

    @Override
    public String protocol() {
        return "CHANNELDATA";
    }

    public boolean msMultiplexed() {
        return channel == MS_MULTIPLEX_CHANNEL;
    }

    @Override
    public String summary() {
        String ch = channel < 0 ? "?" : Bytes.hex4(channel);
        return msMultiplexed()
                ? "ChannelData MS multiplexed session " + msSessionId + " " + dataLength + " bytes"
                : "ChannelData channel " + ch + " " + dataLength + " bytes";
    }

    @Override
    public List<Field> fields() {
        List<Field> out = new ArrayList<>(5);
        if (length >= 2) {
            String note = channel == MS_MULTIPLEX_CHANNEL ? " (MS multiplexed TURN)"
                    : channel >= 0x5000 && channel <= 0x7FFF ? " (RFC 5766 range; RFC 8656 allows 0x4000–0x4fff)"
                    : channel < 0x4000 || channel > 0x7FFF ? " (not a channel number)" : "";
            out.add(Field.leaf("Channel Number", Bytes.hex4(channel) + note, 0, 2));
        }
        if (length >= 4) {
            out.add(Field.leaf("Length", Integer.toString(declaredLength), 2, 2));
        }
        if (msSessionId != null) {
            out.add(Field.leaf("MS Multiplexed Session ID", msSessionId, 4, 8));
        }
        if (dataLength > 0) {
            out.add(Field.leaf("Data", dataLength + " bytes", dataOffset, dataLength));
        }
        if (padding > 0) {
            out.add(Field.leaf("Padding", Integer.toString(padding), dataOffset + dataLength, padding));
        }
        return out;
    }
}
