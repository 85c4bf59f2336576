package org.turnladder.framing;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.MessageSink;
import org.turnladder.decode.Payload;
import org.turnladder.net.TransportPacket;
import org.turnladder.sip.SipDecoder;
import org.turnladder.sip.SipFraming;
import org.turnladder.stun.ChannelDataDecoder;
import org.turnladder.stun.StunDecoder;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunProbe;

/**
 * Decodes UDP datagrams by content, whatever the port: STUN (RFC 5389, classic RFC 3489 and MS-TURN), TURN
 * ChannelData on 5-tuples of known TURN servers, and SIP. Datagrams quoted by ICMP errors are decoded as far as
 * the quote goes, with the ICMP error as a warning. A STUN message inside a Send/Data indication or ChannelData
 * follows its carrier ({@link RelayedStun}).
 */
public final class UdpDecoder {
    private final MessageSink sink;
    private final TurnServers turnServers;

    public UdpDecoder(MessageSink sink, TurnServers turnServers) {
        this.sink = sink;
        this.turnServers = turnServers;
    }

    public void datagram(TransportPacket p) {
        byte[] b = p.payload();
        int off = p.payloadOffset();
        int len = p.payloadLength();
        if (len < 4) {
            return;
        }
        int b0 = b[off] & 0xC0;
        Payload payload = null;
        if (b0 == 0) {
            if (StunProbe.isStun(b, off, len) || (p.icmp() != null && StunProbe.messageLength(b, off, len) > 0)) {
                StunMessage m = StunDecoder.decode(b, off, Math.min(len, messageLength(b, off, len)));
                if (p.icmp() == null) {
                    turnServers.learn(m, p.src(), p.dst());
                }
                payload = m;
            }
        } else if (b0 == 0x40) {
            int n = ChannelDataDecoder.messageLength(b, off, len, false);
            // over UDP the padding to 4 bytes is optional (RFC 5766 §11.5): with or without it
            if ((turnServers.contains(p.dst()) || turnServers.contains(p.src())) && n > 0
                    && (n == len || ((n + 3) & ~3) == len)) {
                payload = ChannelDataDecoder.decode(b, off, len, false);
            }
        }
        if (payload == null && SipFraming.looksLikeSip(b, off, len)) {
            payload = SipDecoder.decode(b, off, len);
        }
        if (payload == null) {
            return;
        }
        List<String> warnings = p.warnings();
        if (p.icmp() != null) {
            warnings = new ArrayList<>(warnings);
            warnings.add(0, "quoted in an ICMP error from " + p.icmp().reporter().host() + ": " + p.icmp().text()
                    + "; this datagram did not reach " + p.dst());
        }
        DecodedMessage m = new DecodedMessage(p.frame(), p.epochNanos(), p.src(), p.dst(),
                org.turnladder.net.Transport.UDP, Framing.DATAGRAM, p.payloadSpans(), -1, payload, warnings);
        turnServers.relayed().emit(sink, b, off, m, p.icmp() == null);
    }

    private static int messageLength(byte[] b, int off, int len) {
        int n = StunProbe.messageLength(b, off, len);
        return n > 0 ? n : len;
    }
}
