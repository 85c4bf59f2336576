package org.turnladder.analysis.roles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.FindingSource;
import org.turnladder.analysis.Role;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.framing.TurnCarrier;
import org.turnladder.sip.SipMessage;
import org.turnladder.stun.StunMessage;

/**
 * Labels each IP address of a capture with the role of its box (Skype client, Edge, Front End, Expressway-E/-C,
 * CMS) and merges the addresses of one box, with the evidence for each label (DOMAIN.md §4).
 *
 * <p>Fed every decoded message and TCP connection summary in capture order, like the finding sources; it keeps a
 * few capped clues per address, never the messages. Evidence, strongest first: the user's override; SIP
 * User-Agent/Server strings; the MS-TURN dialect (an A/V Edge and its client); RFC 5766/6062 TURN behaviour (who
 * asks for TCP relays — CMS — and who answers — Expressway-E); relayed, reflexive and SDP addresses (which tie
 * addresses to boxes); ports, weakly. Where strings are missing, behaviour decides; clues for other roles stay
 * visible as "also looks like …". {@link #roles} may be called at any time and reflects what was seen so far.
 *
 * <p>It raises no findings of its own.
 */
public final class RoleDetector implements FindingSource {
    private final Observations obs = new Observations();
    private final TurnClues turn = new TurnClues(obs);
    private final SipClues sip = new SipClues(obs);
    private final FlowClues flows = new FlowClues(obs);
    private DecodedMessage previous;

    @Override
    public synchronized void message(DecodedMessage m) {
        boolean inner = TurnCarrier.isInner(previous, m);
        previous = m;
        if (!inner) {
            // a check inside a TURN carrier is addressed client ⇄ peer: no packet went between those two
            obs.traffic(m.src(), m.dst(), m.frame());
        }
        if (m.payload() instanceof StunMessage s) {
            turn.message(m, s);
        } else if (m.payload() instanceof SipMessage s) {
            sip.message(m, s);
        }
    }

    @Override
    public synchronized void tcpFlow(TcpFlowSummary flow) {
        flows.flow(flow);
    }

    /** None: roles are labels, not problems. */
    @Override
    public List<Finding> findings(long endNanos, boolean ended) {
        return List.of();
    }

    /**
     * The boxes seen so far, in ladder order (role, then address).
     *
     * @param overrides the user's labels, by IP address (any address of a box; IPv6 with or without brackets) or by
     *                  box name as shown ("CMS", "Expressway-E (192.0.2.50)"); they always win
     */
    public synchronized List<RoleAssignment> roles(Map<String, Role> overrides) {
        // resolved under the lock: a live capture may be feeding messages from another thread
        return new BoxResolver(obs.hosts(), obs.links()).resolve(overrides);
    }

    /** The boxes without overrides. */
    public List<RoleAssignment> roles() {
        return roles(Map.of());
    }

    /** Each known address with the box it belongs to. */
    public Map<String, RoleAssignment> byAddress(Map<String, Role> overrides) {
        Map<String, RoleAssignment> out = new HashMap<>();
        for (RoleAssignment r : roles(overrides)) {
            for (String a : r.addresses()) {
                out.put(a, r);
            }
        }
        return out;
    }
}
