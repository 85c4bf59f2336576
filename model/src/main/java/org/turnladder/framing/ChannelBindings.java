package org.turnladder.framing;

import java.util.Map;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.memory.BoundedMap;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.Dialect;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunMethods;

/**
 * Which peer each TURN channel stands for, per client ⇄ server 5-tuple: learnt from a ChannelBind request
 * (CHANNEL-NUMBER, XOR-PEER-ADDRESS) once its success response comes back on the same 5-tuple (RFC 5766 §11).
 * Bounded: the oldest requests and bindings are forgotten first.
 */
final class ChannelBindings {
    private static final int CHANNEL_NUMBER = 0x000C;
    private static final int MAX_PENDING = 4_096;
    private static final int MAX_BOUND = 65_536;

    private record Key(Transport transport, Endpoint client, Endpoint server, int channel) {
    }

    private record Pending(Key key, Endpoint peer) {
    }

    private final Map<String, Pending> pending = new BoundedMap<>(MAX_PENDING);
    private final Map<Key, Endpoint> bound = new BoundedMap<>(MAX_BOUND);

    /** Looks at every STUN message of a client ⇄ server path; only ChannelBind requests and successes matter. */
    void observe(StunMessage s, DecodedMessage m) {
        if (s.method() != StunMethods.CHANNEL_BIND || s.dialect() == Dialect.MS_TURN) {
            return;
        }
        switch (s.messageClass()) {
            case REQUEST -> {
                Object channel = s.attribute(CHANNEL_NUMBER).map(a -> a.decoded()).orElse(null);
                Endpoint peer = s.xorPeerAddress().orElse(null);
                if (channel instanceof Integer c && peer != null) {
                    pending.put(s.transactionId(), new Pending(new Key(m.transport(), m.src(), m.dst(), c), peer));
                }
            }
            case SUCCESS -> {
                Pending p = pending.remove(s.transactionId());
                if (p != null && p.key.transport() == m.transport() && p.key.client().equals(m.dst())
                        && p.key.server().equals(m.src())) {
                    bound.put(p.key, p.peer);
                }
            }
            default -> {
            }
        }
    }

    /** The peer bound to {@code channel} for this client and server, {@code null} if no bind was seen. */
    Endpoint peer(Transport transport, Endpoint client, Endpoint server, int channel) {
        return bound.get(new Key(transport, client, server, channel));
    }

}
