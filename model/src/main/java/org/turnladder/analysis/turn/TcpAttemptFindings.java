package org.turnladder.analysis.turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.FindingSource;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.net.Endpoint;
import org.turnladder.sip.SipMessage;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;
import org.turnladder.stun.StunAttribute;
import org.turnladder.stun.StunAttributeTypes;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;

/**
 * TCP connections that never opened — SYNs retransmitted without SYN-ACK ({@code tcp.connect-unanswered}) or
 * answered by RST ({@code tcp.connect-refused}) — towards something that matters here: a TURN server, a relayed
 * address, a peer of Connect / CreatePermission, an SDP candidate, or a SIP port. What each address is, it learns
 * from the messages; the failed attempts are judged when findings are asked for, so the order does not matter.
 */
public final class TcpAttemptFindings implements FindingSource {
    private static final int MAX_KNOWN = 10_000;
    private static final int MAX_FAILED = 1_000;
    private static final int MAX_LISTED = 10;
    private static final Set<Integer> SIP_PORTS = Set.of(5060, 5061, 5062, 5065);
    /** IANA's STUN/TURN ports: a refused or unanswered connection to them matters even when no TURN got through. */
    private static final Set<Integer> TURN_PORTS = Set.of(3478, 5349);
    /** 443 carries TURN only on boxes that do (Expressway "TCP 443 TURN service", Skype Edge): only once TURN is seen. */
    private static final int TURN_OVER_443 = 443;

    private final Set<Endpoint> turnServers = new HashSet<>();
    /** relayed address → the client it was allocated to */
    private final Map<Endpoint, Endpoint> relayed = new HashMap<>();
    /** Connect's XOR-PEER-ADDRESS → frame of the first Connect */
    private final Map<Endpoint, Long> connectPeers = new HashMap<>();
    /** CreatePermission peer IP → frame of the first request */
    private final Map<String, Long> permissionPeers = new HashMap<>();
    /** SDP candidate address:port → frame of the SIP message */
    private final Map<Endpoint, Long> sdpCandidates = new HashMap<>();
    private boolean turnSeen;
    private final List<TcpFlowSummary> failed = new ArrayList<>();

    private record Target(Endpoint server, boolean refused) {
    }

    @Override
    public void message(DecodedMessage m) {
        if (m.payload() instanceof StunMessage s) {
            stun(m, s);
        } else if (m.payload() instanceof SipMessage sip) {
            for (SdpSession sdp : sip.sdps()) {
                for (SdpMedia media : sdp.media()) {
                    for (IceCandidate c : media.candidates()) {
                        candidate(c, m.frame());
                    }
                }
            }
        }
    }

    private void stun(DecodedMessage m, StunMessage s) {
        TurnOp op = TurnOp.of(s);
        if (op == TurnOp.NONE) {
            return;
        }
        turnSeen = true;
        StunClass cls = s.messageClass();
        if ((cls == StunClass.SUCCESS || cls == StunClass.ERROR) && turnServers.size() < MAX_KNOWN) {
            turnServers.add(m.src());
        }
        if (op == TurnOp.ALLOCATE && cls == StunClass.SUCCESS && relayed.size() < MAX_KNOWN) {
            s.relayedAddress().ifPresent(r -> relayed.putIfAbsent(r, m.dst()));
        }
        if (op == TurnOp.CONNECT && cls == StunClass.REQUEST && connectPeers.size() < MAX_KNOWN) {
            s.xorPeerAddress().ifPresent(p -> connectPeers.putIfAbsent(p, m.frame()));
        }
        if (op == TurnOp.CREATE_PERMISSION && cls == StunClass.REQUEST) {
            for (StunAttribute a : s.attributes()) {
                if (a.type() == StunAttributeTypes.XOR_PEER_ADDRESS && a.decoded() instanceof Endpoint e
                        && permissionPeers.size() < MAX_KNOWN) {
                    permissionPeers.putIfAbsent(e.host(), m.frame());
                }
            }
        }
    }

    private void candidate(IceCandidate c, long frame) {
        // TCP active candidates carry port 9 (discard): nobody connects to them.
        if (c.port() <= 0 || c.port() == 9 || !numeric(c.address()) || sdpCandidates.size() >= MAX_KNOWN) {
            return;
        }
        try {
            sdpCandidates.putIfAbsent(Endpoint.parse(c.endpoint()), frame);
        } catch (IllegalArgumentException e) {
            // not an address after all: nothing to match
        }
    }

    /** Numeric IPv4/IPv6 only, so that parsing never turns into a DNS lookup. */
    private static boolean numeric(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        boolean colon = address.indexOf(':') >= 0;
        for (int i = 0; i < address.length(); i++) {
            char ch = address.charAt(i);
            boolean ok = (ch >= '0' && ch <= '9') || ch == '.' || ch == ':'
                    || (colon && ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void tcpFlow(TcpFlowSummary flow) {
        if (flow.failedHandshake() && (flow.refused() || flow.synCount() >= 2) && failed.size() < MAX_FAILED) {
            failed.add(flow);
        }
    }

    @Override
    public List<Finding> findings(long endNanos, boolean ended) {
        Map<Target, List<TcpFlowSummary>> groups = new LinkedHashMap<>();
        for (TcpFlowSummary f : failed) {
            groups.computeIfAbsent(new Target(f.server(), f.refused()), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>();
        groups.forEach((target, flows) -> {
            String role = role(target.server());
            if (role != null) {
                out.add(finding(target, role, flows));
            }
        });
        return out;
    }

    /** What the target is, in words, or {@code null} when it is nothing this analysis cares about. */
    private String role(Endpoint e) {
        if (turnServers.contains(e)) {
            return "the TURN server " + e;
        }
        Endpoint owner = relayed.get(e);
        if (owner != null) {
            return "the relayed address " + e + " (allocated to " + owner + ")";
        }
        Long connect = connectPeers.get(e);
        if (connect != null) {
            return "the peer of Connect " + e + " (frame " + connect + ")";
        }
        Long permission = permissionPeers.get(e.host());
        if (permission != null) {
            return "the peer " + e + " (its IP was permitted by CreatePermission, frame " + permission + ")";
        }
        Long sdp = sdpCandidates.get(e);
        if (sdp != null) {
            return "the SDP candidate " + e + " (SIP frame " + sdp + ")";
        }
        if (SIP_PORTS.contains(e.port())) {
            return "the SIP port " + e;
        }
        if (turnPort(e)) {
            return "the TURN port " + e;
        }
        return null;
    }

    private boolean turnPort(Endpoint e) {
        return TURN_PORTS.contains(e.port()) || (turnSeen && e.port() == TURN_OVER_443);
    }

    private String source(Endpoint client) {
        Endpoint owner = relayed.get(client);
        return owner != null ? "The TURN server, from the relayed address " + client + " of " + owner + ","
                : client.toString();
    }

    private Finding finding(Target target, String role, List<TcpFlowSummary> flows) {
        List<Long> frames = new ArrayList<>();
        StringBuilder d = new StringBuilder();
        int n = 0;
        for (TcpFlowSummary f : flows) {
            if (n++ == MAX_LISTED) {
                d.append(' ').append(flows.size() - MAX_LISTED).append(" more attempts like these.");
                break;
            }
            frames.add(f.firstFrame());
            frames.add(f.lastSynFrame());
            if (d.length() > 0) {
                d.append(' ');
            }
            d.append(source(f.client()));
            if (target.refused()) {
                frames.add(f.lastFrame());
                d.append(" sent a SYN (frame ").append(f.lastSynFrame()).append(") to ").append(role)
                        .append("; it was answered by RST (frame ").append(f.lastFrame()).append(").");
            } else {
                d.append(" sent ").append(f.synCount()).append(" SYNs (frames ").append(f.firstFrame()).append('–')
                        .append(f.lastSynFrame()).append(") to ").append(role).append(" and got no SYN-ACK.");
            }
        }
        d.append(target.refused()
                ? " Nothing listens on that port, or a firewall on the way rejects the connection."
                : " A firewall on the way drops the SYNs, or the address is not reachable.");
        String id = target.refused() ? "tcp.connect-refused" : "tcp.connect-unanswered";
        String title = (target.refused() ? "TCP connection refused by " : "TCP connection unanswered by ")
                + role.replaceFirst(" \\(.*", "");
        return new Finding(id, Severity.ERROR, title, d.toString(), fix(target.server()), frames);
    }

    private String fix(Endpoint e) {
        if (turnServers.contains(e) || (!relayed.containsKey(e) && turnPort(e) && !connectPeers.containsKey(e))) {
            return "Open TCP " + e.port() + " from the TURN client to the TURN server (CMS → Expressway-E's private"
                    + " address) and check the TURN service listens on TCP " + e.port() + ". With Expressway-E's"
                    + " 'TCP 443 TURN service' on, TCP 3478 is no longer answered: set CMS tcpPortNumberOverride to"
                    + " match.";
        }
        if (relayed.containsKey(e)) {
            return "Allow inbound TCP to the TURN server's relay range (Expressway-E 24000–29999, mapped by static"
                    + " NAT) from the peer, and make sure the TURN client created a permission for the peer's IP"
                    + " before the peer connects.";
        }
        if (connectPeers.containsKey(e) || permissionPeers.containsKey(e.host())) {
            return "Allow TCP from the TURN server's relay range (Expressway-E 24000–29999) to the peer (Skype Edge"
                    + " A/V relay ports 50000–59999) and check that the peer address is the Edge's public relay"
                    + " address.";
        }
        if (sdpCandidates.containsKey(e)) {
            return "Open the TCP path to this candidate (Skype Edge relay 50000–59999, Expressway-E relay"
                    + " 24000–29999) or check that the candidate's address is reachable from this side.";
        }
        return "Check that the SIP service listens on this port (Expressway-E 5061 TLS, 5060 TCP is off by default"
                + " from X8.9.2; Skype Front End 5061, ASMCU 5065, Edge MRAS 5062) and that the firewall lets it"
                + " through.";
    }
}
