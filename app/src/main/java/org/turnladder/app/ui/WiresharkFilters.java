package org.turnladder.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.turnladder.capture.FrameSpan;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.sip.SipMessage;
import org.turnladder.stun.StunMessage;

/**
 * Wireshark display filters that find a message or its conversation again, for pasting into Wireshark:
 * {@code frame.number == 123}, the TCP stream or UDP conversation, the STUN transaction, the SIP call.
 */
public final class WiresharkFilters {

    /** A filter with what it selects ("This frame"). */
    public record Filter(String label, String text) {
    }

    private WiresharkFilters() {
    }

    /** The filters for a message, narrowest first. */
    public static List<Filter> of(DecodedMessage m) {
        List<Filter> out = new ArrayList<>(5);
        List<Long> frames = m.spans().stream().map(FrameSpan::frame).distinct().sorted().toList();
        if (frames.size() > 1) {
            out.add(new Filter("These frames", "frame.number in {" + frames.stream().map(String::valueOf)
                    .collect(Collectors.joining(" ")) + "}"));
        } else {
            out.add(new Filter("This frame", "frame.number == " + m.frame()));
        }
        if (m.payload() instanceof StunMessage stun && !stun.transactionId().isEmpty()) {
            out.add(new Filter("This STUN transaction", "stun.id == " + colons(stunId(stun.transactionId()))));
        }
        if (m.payload() instanceof SipMessage sip && sip.callId() != null && !sip.callId().isEmpty()) {
            out.add(new Filter("This SIP call", "sip.Call-ID == \"" + sip.callId().replace("\"", "\\\"") + "\""));
        }
        if (m.transport() == Transport.TCP && m.connection() >= 0) {
            out.add(new Filter("This TCP stream", "tcp.stream == " + m.connection()));
        }
        out.add(new Filter("This conversation", conversation(m.src(), m.dst(), m.transport())));
        return out;
    }

    /** Both endpoints, either direction: {@code ip.addr == a && ip.addr == b && udp.port == p && udp.port == q}. */
    public static String conversation(Endpoint a, Endpoint b, Transport t) {
        String ip = a.isIpv6() ? "ipv6.addr" : "ip.addr";
        String port = t == Transport.TCP ? "tcp.port" : "udp.port";
        String addrs = a.host().equals(b.host()) ? ip + " == " + a.host()
                : ip + " == " + a.host() + " && " + ip + " == " + b.host();
        String ports = a.port() == b.port() ? port + " == " + a.port()
                : port + " == " + a.port() + " && " + port + " == " + b.port();
        return addrs + " && " + ports;
    }

    /** Wireshark's stun.id is the transaction id after the magic cookie (12 bytes) or all 16 bytes (RFC 3489). */
    static String stunId(String hex) {
        return hex.length() == 32 && hex.startsWith("2112a442") ? hex.substring(8) : hex;
    }

    static String colons(String hex) {
        StringBuilder sb = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i + 1 < hex.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
