package org.turnladder.framing;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.MessageSink;
import org.turnladder.net.Endpoint;
import org.turnladder.stun.StunDecoder;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunProbe;

/**
 * Decodes the STUN message (an ICE check, mostly) that a TURN carrier relays through a UDP relay: the DATA of a
 * Send/Data indication in either dialect, or the data of ChannelData. The inner message follows its carrier as a
 * message of its own, framing {@link Framing#RELAYED}, same frame and transport, spans narrowed to its bytes, and
 * addressed between the TURN client and the peer: a Send goes from the client to XOR-PEER-ADDRESS, a Data
 * indication from XOR-PEER-ADDRESS to the client, ChannelData to or from the peer the channel was bound to on that
 * 5-tuple. Data that is not STUN (RTP, DTLS) stays opaque; data that claims to be STUN but is malformed stays
 * opaque with a warning on the carrier. Never throws.
 */
public final class RelayedStun {
    private static final int MAGIC_OFFSET = 4;
    private final ChannelBindings channels = new ChannelBindings();

    /**
     * What a carrier held.
     *
     * @param inner          the decoded inner message, {@code null} if none
     * @param carrierWarning a problem with the carried data, to add to the carrier, {@code null} if none
     */
    public record Found(DecodedMessage inner, String carrierWarning) {
    }

    /**
     * Reports {@code carrier} to {@code sink} and, right after it, the STUN message inside it if there is one.
     *
     * @param buf     bytes holding the carrier contiguously
     * @param off     the carrier's first byte in {@code buf}
     * @param observe whether the message really crossed the 5-tuple (false for datagrams quoted in ICMP errors), so
     *                that a ChannelBind in it binds the channel
     */
    public void emit(MessageSink sink, byte[] buf, int off, DecodedMessage carrier, boolean observe) {
        Found f = inspect(buf, off, carrier, observe);
        DecodedMessage outer = carrier;
        if (f != null && f.carrierWarning() != null) {
            List<String> w = new ArrayList<>(carrier.warnings());
            w.add(f.carrierWarning());
            outer = new DecodedMessage(carrier.frame(), carrier.epochNanos(), carrier.src(), carrier.dst(),
                    carrier.transport(), carrier.framing(), carrier.spans(), carrier.connection(), carrier.payload(), w);
        }
        sink.message(outer);
        if (f != null && f.inner() != null) {
            sink.message(f.inner());
        }
    }

    /** The inner message of {@code carrier} and any warning about its data; {@code null} when it carries none. */
    public Found inspect(byte[] buf, int off, DecodedMessage carrier, boolean observe) {
        if (carrier.payload() instanceof StunMessage s && observe) {
            channels.observe(s, carrier);
        }
        if (carrier.framing() == Framing.RELAYED) {
            return null; // already inside a relay: no nesting
        }
        TurnCarrier.Data d = TurnCarrier.dataOf(carrier.payload());
        if (d == null || buf == null || off < 0 || d.offset() + d.length() > buf.length - off) {
            return null;
        }
        int at = off + d.offset();
        int len = d.length();
        if ((buf[at] & 0xff) > 3) {
            return null; // RFC 7983: not STUN (ChannelData, DTLS, RTP/RTCP ...)
        }
        if (!StunProbe.isStun(buf, at, len)) {
            String why = malformed(buf, at, len);
            return why == null ? null : new Found(null, "the relayed data " + why + "; left undecoded");
        }
        StunMessage inner = StunDecoder.decode(buf, at, len);
        List<String> warnings = new ArrayList<>(carrier.warnings());
        Endpoint src = carrier.src();
        Endpoint dst = carrier.dst();
        switch (d.way()) {
            case TO_PEER -> {
                if (d.peer() != null) {
                    dst = d.peer();
                } else {
                    warnings.add("the Send names no peer address: the check's destination is unknown");
                }
            }
            case FROM_PEER -> {
                if (d.peer() != null) {
                    src = d.peer();
                } else {
                    warnings.add("the Data indication names no peer address: the check's source is unknown");
                }
            }
            case BY_CHANNEL -> {
                Endpoint toPeer = channels.peer(carrier.transport(), carrier.src(), carrier.dst(), d.channel());
                Endpoint fromPeer = channels.peer(carrier.transport(), carrier.dst(), carrier.src(), d.channel());
                if (toPeer != null) {
                    dst = toPeer;
                } else if (fromPeer != null) {
                    src = fromPeer;
                } else {
                    warnings.add(String.format("channel 0x%04x has no ChannelBind in the capture on this 5-tuple: "
                            + "the addresses are the TURN client's and server's, not the check's", d.channel()));
                }
            }
        }
        DecodedMessage m = new DecodedMessage(carrier.frame(), carrier.epochNanos(), src, dst, carrier.transport(),
                Framing.RELAYED, TurnCarrier.slice(carrier.spans(), d.offset(), len), carrier.connection(), inner,
                warnings);
        return new Found(m, null);
    }

    /**
     * Why data that starts like STUN (first byte 0–3 and the magic cookie) is not a STUN message; {@code null} when it
     * does not claim to be STUN at all (then it is someone's opaque payload).
     */
    private static String malformed(byte[] buf, int at, int len) {
        if (len < MAGIC_OFFSET + 4 || i32(buf, at + MAGIC_OFFSET) != StunProbe.MAGIC_COOKIE) {
            return null;
        }
        if (len < StunProbe.HEADER_LENGTH) {
            return "starts like a STUN message (magic cookie) but has only " + len + " bytes, fewer than a header (20)";
        }
        int declared = StunProbe.HEADER_LENGTH + (((buf[at + 2] & 0xff) << 8) | (buf[at + 3] & 0xff));
        if (declared != len) {
            return "holds a STUN message of " + declared + " bytes by its header, but " + len + " bytes are there";
        }
        return "starts like a STUN message (magic cookie) but its attributes do not fit its length";
    }

    private static int i32(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }
}
