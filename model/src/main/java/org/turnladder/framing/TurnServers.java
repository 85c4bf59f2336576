package org.turnladder.framing;

import java.util.HashSet;
import java.util.Set;
import org.turnladder.net.Endpoint;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;

/**
 * The TURN server addresses seen so far. UDP ChannelData has no magic number, so it is only believed on a 5-tuple
 * that also carries TURN requests to one of these.
 */
public final class TurnServers {
    private static final int MAX = 10_000;
    private final Set<Endpoint> servers = new HashSet<>();
    private final RelayedStun relayed = new RelayedStun();

    /** The decoder of STUN inside Send/Data indications and ChannelData, with the channel bindings seen so far. */
    public RelayedStun relayed() {
        return relayed;
    }

    /** Learns from a TURN request (its destination) or response (its source). */
    public void learn(StunMessage m, Endpoint src, Endpoint dst) {
        int method = m.method();
        boolean turnMethod = method == 0x003 || method == 0x004 || method == 0x008 || method == 0x009
                || method == 0x00A || method == 0x00B;
        if (!turnMethod || servers.size() >= MAX) {
            return;
        }
        servers.add(m.messageClass() == StunClass.REQUEST ? dst : src);
    }

    public boolean contains(Endpoint e) {
        return servers.contains(e);
    }
}
