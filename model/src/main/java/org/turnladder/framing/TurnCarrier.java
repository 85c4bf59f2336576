package org.turnladder.framing;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.capture.FrameSpan;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.Payload;
import org.turnladder.net.Endpoint;
import org.turnladder.stun.ChannelDataMessage;
import org.turnladder.stun.Dialect;
import org.turnladder.stun.StunAttribute;
import org.turnladder.stun.StunAttributeTypes;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunMethods;

/**
 * The TURN messages that carry a peer's datagram through a UDP relay (RFC 5766 §10–11): Send and Data indications
 * (and MS-TURN's Send request 0x0004 and Data Indication 0x0115) with their DATA attribute, and ChannelData.
 */
public final class TurnCarrier {

    /** Which way the carried datagram goes, seen from the TURN client. */
    public enum Way {
        /** client → peer: Send indication / MS Send request */
        TO_PEER,
        /** peer → client: Data indication */
        FROM_PEER,
        /** ChannelData: the 5-tuple and its ChannelBind tell */
        BY_CHANNEL
    }

    /**
     * Where the carried datagram is.
     *
     * @param offset  first byte of the datagram, relative to the carrier's first byte
     * @param length  its bytes
     * @param peer    XOR-PEER-ADDRESS (MS: DESTINATION-/REMOTE-ADDRESS); {@code null} for ChannelData or when absent
     * @param channel the channel number of ChannelData, -1 for indications
     */
    public record Data(Way way, int offset, int length, Endpoint peer, int channel) {
    }

    private TurnCarrier() {
    }

    /** The carried datagram of a Send/Data indication or ChannelData; {@code null} for anything else or no data. */
    public static Data dataOf(Payload p) {
        if (p instanceof ChannelDataMessage cd) {
            return cd.dataLength() > 0 ? new Data(Way.BY_CHANNEL, cd.dataOffset(), cd.dataLength(), null,
                    cd.channel()) : null;
        }
        if (!(p instanceof StunMessage s)) {
            return null;
        }
        Way way = way(s);
        if (way == null) {
            return null;
        }
        StunAttribute data = s.attribute(StunAttributeTypes.DATA).orElse(null);
        if (data == null || data.valueLength() <= 0 || data.valueOffset() + data.valueLength() > s.length()) {
            return null;
        }
        return new Data(way, data.valueOffset(), data.valueLength(), s.xorPeerAddress().orElse(null), -1);
    }

    /** Send (client → peer) or Data (peer → client), in either dialect; {@code null} for other messages. */
    static Way way(StunMessage s) {
        if (s.dialect() == Dialect.MS_TURN) {
            if (s.type() == StunMethods.MS_SEND_REQUEST) {
                return Way.TO_PEER;
            }
            if (s.type() == StunMethods.MS_DATA_INDICATION) {
                return Way.FROM_PEER;
            }
        }
        if (s.messageClass() != StunClass.INDICATION) {
            return null;
        }
        return s.method() == StunMethods.SEND ? Way.TO_PEER : s.method() == StunMethods.DATA ? Way.FROM_PEER : null;
    }

    /**
     * Whether {@code m} was decoded from inside a TURN carrier, given the message delivered just before it: over UDP
     * every {@code relayed} message is (RFC 6062 is TCP only); over TCP it must sit inside {@code previous}.
     */
    public static boolean isInner(DecodedMessage previous, DecodedMessage m) {
        return m.framing() == Framing.RELAYED
                && (m.transport() == org.turnladder.net.Transport.UDP || holds(previous, m));
    }

    /**
     * Whether {@code inner} is the message decoded from inside {@code carrier}: same frame and transport, framing
     * {@code relayed}, and all its bytes within the carrier's.
     */
    public static boolean holds(DecodedMessage carrier, DecodedMessage inner) {
        if (carrier == null || carrier.frame() != inner.frame() || carrier.transport() != inner.transport()
                || inner.framing() != Framing.RELAYED || carrier.framing() == Framing.RELAYED
                || dataOf(carrier.payload()) == null || inner.spans().isEmpty()) {
            return false;
        }
        for (FrameSpan in : inner.spans()) {
            boolean inside = false;
            for (FrameSpan out : carrier.spans()) {
                if (out.frame() == in.frame() && in.frameOffset() >= out.frameOffset()
                        && in.frameOffset() + in.length() <= out.frameOffset() + out.length()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return false;
            }
        }
        return true;
    }

    /**
     * The spans of bytes {@code from .. from+length} of a message whose bytes are {@code spans}, concatenated; as many
     * as the spans hold.
     */
    public static List<FrameSpan> slice(List<FrameSpan> spans, int from, int length) {
        List<FrameSpan> out = new ArrayList<>(1);
        int skip = from;
        int left = length;
        for (FrameSpan s : spans) {
            if (left <= 0) {
                break;
            }
            if (skip >= s.length()) {
                skip -= s.length();
                continue;
            }
            int n = Math.min(s.length() - skip, left);
            out.add(new FrameSpan(s.frame(), s.frameOffset() + skip, n));
            left -= n;
            skip = 0;
        }
        return out;
    }
}
