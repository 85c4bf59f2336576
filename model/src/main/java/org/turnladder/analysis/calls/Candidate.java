package org.turnladder.analysis.calls;

import java.util.Locale;
import org.turnladder.json.JsonWriter;
import org.turnladder.sip.sdp.IceCandidate;

/**
 * One ICE candidate of an application-sharing media line, as the ladder shows it.
 *
 * @param transport verbatim transport token ({@code TCP-ACT}, {@code TCP-PASS}, {@code UDP}, {@code TCP})
 * @param tcpType   {@code active}, {@code passive}, {@code so}, or {@code null} for UDP and undeclared TCP
 * @param type      {@code host}, {@code srflx}, {@code prflx}, {@code relay}; empty for MS-ICE v1 candidates
 * @param raddr     related address, {@code null} if absent
 * @param rport     related port, {@code -1} if absent
 */
public record Candidate(String foundation, int component, String transport, String tcpType, long priority,
                        String address, int port, String type, String raddr, int rport) {

    static Candidate of(IceCandidate c) {
        String tcp = switch (c.tcpType()) {
            case NONE -> null;
            default -> c.tcpType().name().toLowerCase(Locale.ROOT);
        };
        return new Candidate(c.foundation(), c.component(), c.transport(), tcp, c.priority(), c.address(), c.port(),
                c.type(), c.raddr(), c.rport() == null ? -1 : c.rport());
    }

    public boolean isTcp() {
        return transport.regionMatches(true, 0, "TCP", 0, 3);
    }

    public boolean isRelay() {
        return "relay".equalsIgnoreCase(type);
    }

    /** {@code address:port}, IPv6 in brackets. */
    public String endpoint() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }

    /** "TCP-PASS relay 192.0.2.50:24012 (raddr 10.1.1.20:33000)". */
    public String describe() {
        StringBuilder s = new StringBuilder(transport);
        if (!type.isEmpty()) {
            s.append(' ').append(type);
        }
        s.append(' ').append(endpoint());
        if (raddr != null) {
            s.append(" (raddr ").append(raddr).append(rport >= 0 ? ":" + rport : "").append(')');
        }
        return s.toString();
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("foundation", foundation)
                .field("component", component)
                .field("transport", transport)
                .field("tcpType", tcpType)
                .field("priority", priority)
                .field("address", address)
                .field("port", port)
                .field("type", type)
                .field("raddr", raddr);
        if (rport >= 0) {
            w.field("rport", rport);
        }
        w.endObject();
    }
}
