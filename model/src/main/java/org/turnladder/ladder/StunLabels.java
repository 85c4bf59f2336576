package org.turnladder.ladder;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.net.Endpoint;
import org.turnladder.stun.StunAttribute;
import org.turnladder.stun.StunAttributeTypes;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunMethods;

/** Arrow texts for STUN/TURN messages, the way an engineer reads them out. */
final class StunLabels {
    private static final int CHANNEL_NUMBER = 0x000C;
    private static final int ICE_CONTROLLED = 0x8029;
    private static final int ICE_CONTROLLING = 0x802A;

    private StunLabels() {
    }

    /**
     * What a request or indication says: "Allocate TCP", "Connect peer=198.51.100.7:52044",
     * "ConnectionBind cid=0x1234abcd", "Refresh lifetime=0 (deallocate)", "Binding Request USE-CANDIDATE".
     * A response repeats this head of its request before the arrow.
     */
    static String head(StunMessage m) {
        int method = m.method();
        String name = m.methodName();
        StringBuilder sb = new StringBuilder(48).append(name);
        if ("Send".equals(name) || "Data".equals(name)) {
            appendPeer(sb, m);
            return sb.toString();
        }
        switch (method) {
            case StunMethods.ALLOCATE -> {
                m.requestedTransport().ifPresent(t -> sb.append(' ').append(
                        t == 6 ? "TCP" : t == 17 ? "UDP" : "transport " + t));
                if (m.hasMessageIntegrity()) {
                    sb.append(" with credentials"); // tells the challenge from the real attempt
                }
            }
            case StunMethods.REFRESH -> m.lifetime().ifPresent(l -> sb.append(l == 0
                    ? " lifetime=0 (deallocate)" : " " + l + " s"));
            case StunMethods.CREATE_PERMISSION -> {
                List<String> hosts = new ArrayList<>(2);
                for (StunAttribute a : m.attributes()) {
                    if (a.type() == StunAttributeTypes.XOR_PEER_ADDRESS && a.decoded() instanceof Endpoint e
                            && !hosts.contains(e.host())) {
                        hosts.add(e.host());
                    }
                }
                if (!hosts.isEmpty()) {
                    sb.append(' ').append(String.join(", ", hosts));
                }
            }
            case StunMethods.CHANNEL_BIND -> {
                m.attribute(CHANNEL_NUMBER).ifPresent(a -> sb.append(' ').append(a.value()));
                appendPeer(sb, m);
            }
            case StunMethods.CONNECT, StunMethods.CONNECTION_ATTEMPT -> {
                appendPeer(sb, m);
                appendCid(sb, m);
            }
            case StunMethods.CONNECTION_BIND -> appendCid(sb, m);
            case StunMethods.BINDING -> {
                sb.append(' ').append(m.messageClass() == StunClass.INDICATION ? "Indication" : "Request");
                if (m.useCandidate()) {
                    sb.append(" USE-CANDIDATE");
                }
            }
            default -> appendPeer(sb, m);
        }
        return sb.toString();
    }

    /** How a response names its request: the request's head, without the class word of a Binding Request. */
    static String transactionName(String requestHead) {
        return requestHead.startsWith("Binding Request") ? "Binding" + requestHead.substring(15) : requestHead;
    }

    /** "Success relay=…", "Success cid=0x…", "401 Unauthorized". */
    static String outcome(StunMessage m, boolean withMapped) {
        if (m.messageClass() == StunClass.ERROR) {
            Integer code = m.errorCode();
            if (code == null) {
                return "Error";
            }
            String reason = m.errorReason();
            return reason == null || reason.isEmpty() ? code.toString() : code + " " + reason;
        }
        StringBuilder sb = new StringBuilder("Success");
        switch (m.method()) {
            case StunMethods.ALLOCATE -> m.relayedAddress().ifPresent(r -> sb.append(" relay=").append(r));
            case StunMethods.CONNECT -> appendCid(sb, m);
            case StunMethods.BINDING -> {
                if (withMapped) {
                    m.mappedAddress().ifPresent(a -> sb.append(" mapped=").append(a));
                }
            }
            default -> {
            }
        }
        return sb.toString();
    }

    /** Whether a Binding message is an ICE connectivity check or keep-alive rather than a query to a STUN server. */
    static boolean iceAttributes(StunMessage m) {
        return m.messageClass() == StunClass.INDICATION || m.msIce2() || m.useCandidate()
                || m.attribute(StunAttributeTypes.PRIORITY).isPresent()
                || m.attribute(ICE_CONTROLLED).isPresent() || m.attribute(ICE_CONTROLLING).isPresent();
    }

    /** "0x1234abcd". */
    static String cid(long cid) {
        return String.format("0x%08x", cid);
    }

    private static void appendPeer(StringBuilder sb, StunMessage m) {
        m.xorPeerAddress().ifPresent(p -> sb.append(" peer=").append(p.port() == 0 ? p.host() : p.toString()));
    }

    private static void appendCid(StringBuilder sb, StunMessage m) {
        m.connectionId().ifPresent(c -> sb.append(" cid=").append(cid(c)));
    }
}
