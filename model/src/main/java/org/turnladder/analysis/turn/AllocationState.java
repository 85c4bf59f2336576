package org.turnladder.analysis.turn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.memory.BoundedMap;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.Dialect;
import org.turnladder.stun.StunAttribute;
import org.turnladder.stun.StunAttributeTypes;
import org.turnladder.stun.StunMessage;

/**
 * Mutable state of one allocation while the capture is read. Requests wait in a small map keyed by transaction id;
 * repeated things are counted, and every list is capped, so memory does not grow with the capture.
 */
final class AllocationState {
    static final long BIND_TIMEOUT_NANOS = 30_000_000_000L;
    private static final int MAX_PENDING = 64;
    private static final int MAX_REFRESHES = 64;
    private static final int MAX_PEERS = 64;
    private static final int MAX_CHANNELS = 64;
    private static final int MAX_CONNECTIONS = 256;
    private static final int MAX_ERRORS = 64;
    private static final int MAX_SUCCESS_PEERS = 256;
    private static final int CHANNEL_NUMBER = 0x000C;

    final Endpoint client;
    final Endpoint server;
    final Transport transport;
    final long controlConnection;
    private Dialect dialect = Dialect.RFC5389;
    private int requestedTransport = -1;
    private boolean allocateSeen;
    private long allocateRequestFrame;
    private long lastAllocateRequestFrame;
    private boolean succeeded;
    private long successFrame;
    private Integer allocErrorCode;
    private String allocErrorReason;
    private long allocErrorFrame;
    private final FrameList challenges = new FrameList();
    private long authFrame;
    private String username;
    private String realm;
    private Endpoint relayed;
    private Endpoint mapped;
    private long lifetime = -1;
    private long lifetimeFromNanos;
    private final List<Refresh> refreshes = new ArrayList<>();
    private final Map<String, Permission> permissions = new LinkedHashMap<>();
    private final Map<Integer, Channel> channels = new LinkedHashMap<>();
    private final List<ConnectionState> connections = new ArrayList<>();
    private final List<ErrorRecord> errors = new ArrayList<>();
    private long errorsDropped;
    private final Map<TurnOp, Long> lastSuccess = new EnumMap<>(TurnOp.class);
    private final Set<Endpoint> connectedPeers = new HashSet<>();
    private long deallocatedFrame;
    private long controlEndFrame;
    private final long firstFrame;
    private long lastFrame;
    private final Map<String, PendingRequest> pending = new BoundedMap<>(MAX_PENDING);

    private static final class Refresh {
        final long requestFrame;
        final long requested;
        long responseFrame;
        long granted = -1;
        Integer errorCode;
        String errorReason;

        Refresh(long requestFrame, long requested) {
            this.requestFrame = requestFrame;
            this.requested = requested;
        }
    }

    private static final class Permission {
        long firstRequestFrame;
        int requests;
        int successes;
        Integer errorCode;
        String errorReason;
        long lastResponseFrame;

        /** A response in {@code frame}: success when {@code code} is null, else that error. */
        void answered(Integer code, String reason, long frame) {
            if (code == null) {
                successes++;
            }
            errorCode = code;
            errorReason = reason;
            lastResponseFrame = frame;
        }
    }

    private static final class Channel {
        Endpoint peer;
        long firstRequestFrame;
        long responseFrame;
        int requests;
        boolean succeeded;
        Integer errorCode;
        String errorReason;
        long toPeer;
        long fromPeer;

        /** A response in {@code frame}: success when {@code code} is null, else that error. */
        void answered(Integer code, String reason, long frame) {
            if (code == null) {
                succeeded = true;
            }
            errorCode = code;
            errorReason = reason;
            responseFrame = frame;
        }
    }

    private record ErrorRecord(String method, int code, String reason, long requestFrame, long responseFrame,
                               long elapsedNanos, boolean integrity, Endpoint peer, TurnOp op) {
    }

    AllocationState(Endpoint client, Endpoint server, Transport transport, long controlConnection, long firstFrame) {
        this.client = client;
        this.server = server;
        this.transport = transport;
        this.controlConnection = controlConnection;
        this.firstFrame = firstFrame;
        this.lastFrame = firstFrame;
    }

    /** Whether a new Allocate on the same 5-tuple starts a new allocation: this one is over. */
    boolean over(long nanos) {
        return deallocatedFrame > 0 || controlEndFrame > 0 || expired(nanos);
    }

    private boolean expired(long nanos) {
        return succeeded && lifetime > 0 && nanos - lifetimeFromNanos > lifetime * 1_000_000_000L;
    }

    Endpoint relayed() {
        return relayed;
    }

    void controlEnded(long frame) {
        if (controlEndFrame == 0) {
            controlEndFrame = frame;
        }
    }

    /** A STUN message of this allocation (not ConnectionBind: that lives on a data connection). */
    void stun(DecodedMessage m, StunMessage s, TurnOp op) {
        lastFrame = Math.max(lastFrame, m.frame());
        if (s.dialect() == Dialect.MS_TURN) {
            dialect = Dialect.MS_TURN;
        }
        switch (s.messageClass()) {
            case REQUEST -> request(m, s, op);
            case SUCCESS -> success(m, s, op);
            case ERROR -> error(m, s, op);
            case INDICATION -> indication(m, s, op);
        }
    }

    void channelData(int channel, boolean toPeer, long frame) {
        lastFrame = Math.max(lastFrame, frame);
        Channel c = channels.get(channel);
        if (c == null) {
            if (channels.size() >= MAX_CHANNELS) {
                return;
            }
            c = new Channel();
            channels.put(channel, c);
        }
        if (toPeer) {
            c.toPeer++;
        } else {
            c.fromPeer++;
        }
    }

    private void request(DecodedMessage m, StunMessage s, TurnOp op) {
        PendingRequest p = pending.get(s.transactionId());
        if (p != null) {
            p.retransmissions++;
            return;
        }
        boolean integrity = s.hasMessageIntegrity();
        if (integrity) {
            if (authFrame == 0) {
                authFrame = m.frame();
            }
            s.username().ifPresent(u -> username = u);
            s.realm().ifPresent(r -> realm = r);
        }
        p = new PendingRequest(op, m.frame(), m.epochNanos(), integrity, s.xorPeerAddress().orElse(null));
        switch (op) {
            case ALLOCATE -> {
                if (succeeded && dialect == Dialect.MS_TURN) {
                    // MS-TURN refreshes (and with LIFETIME 0 ends) an allocation by sending Allocate again.
                    p.target = addRefresh(m.frame(), s.lifetime().orElse(-1));
                } else {
                    allocateSeen = true;
                    if (allocateRequestFrame == 0) {
                        allocateRequestFrame = m.frame();
                    }
                    lastAllocateRequestFrame = m.frame();
                    s.requestedTransport().ifPresent(t -> requestedTransport = t);
                }
            }
            case REFRESH -> p.target = addRefresh(m.frame(), s.lifetime().orElse(-1));
            case CREATE_PERMISSION -> {
                List<Permission> named = new ArrayList<>(1);
                for (StunAttribute a : s.attributes()) {
                    if (a.type() == StunAttributeTypes.XOR_PEER_ADDRESS && a.decoded() instanceof Endpoint e) {
                        Permission perm = permission(e.host(), m.frame());
                        if (perm != null) {
                            perm.requests++;
                            named.add(perm);
                        }
                    }
                }
                p.target = named;
            }
            case CHANNEL_BIND -> {
                Object n = s.attribute(CHANNEL_NUMBER).map(StunAttribute::decoded).orElse(null);
                if (n instanceof Integer number) {
                    Channel c = channels.get(number);
                    if (c == null && channels.size() < MAX_CHANNELS) {
                        c = new Channel();
                        channels.put(number, c);
                    }
                    if (c != null) {
                        c.requests++;
                        if (c.firstRequestFrame == 0) {
                            c.firstRequestFrame = m.frame();
                        }
                        if (c.peer == null) {
                            c.peer = p.peer;
                        }
                        p.target = c;
                    }
                }
            }
            case CONNECT -> {
                ConnectionState c = new ConnectionState(TurnConnection.Kind.ACTIVE, p.peer);
                c.requestFrame = m.frame();
                c.requestNanos = m.epochNanos();
                addConnection(c);
                p.target = c;
            }
            case SET_ACTIVE_DESTINATION -> {
            }
            default -> {
                return; // Send requests (MS-TURN) are never answered: nothing to wait for
            }
        }
        pending.put(s.transactionId(), p);
    }

    private Permission permission(String host, long frame) {
        Permission perm = permissions.get(host);
        if (perm == null && permissions.size() < MAX_PEERS) {
            perm = new Permission();
            perm.firstRequestFrame = frame;
            permissions.put(host, perm);
        }
        return perm;
    }

    private Refresh addRefresh(long frame, long requested) {
        Refresh r = new Refresh(frame, requested);
        if (refreshes.size() < MAX_REFRESHES) {
            refreshes.add(r);
        } else if (requested == 0) {
            refreshes.set(refreshes.size() - 1, r); // keep the deallocation, which matters most
        }
        return r;
    }

    private void addConnection(ConnectionState c) {
        if (connections.size() < MAX_CONNECTIONS) {
            connections.add(c);
        }
    }

    private void success(DecodedMessage m, StunMessage s, TurnOp op) {
        PendingRequest p = pending.remove(s.transactionId());
        lastSuccess.put(op, m.frame());
        switch (op) {
            case ALLOCATE -> {
                if (p != null && p.target instanceof Refresh r) {
                    refreshAnswered(r, s, m);
                } else {
                    succeeded = true;
                    successFrame = m.frame();
                    relayed = s.relayedAddress().orElse(relayed);
                    mapped = s.mappedAddress().orElse(mapped);
                    lifetime = s.lifetime().orElse(lifetime);
                    lifetimeFromNanos = m.epochNanos();
                }
            }
            case REFRESH -> refreshAnswered(p != null && p.target instanceof Refresh r ? r : addRefresh(0, -1), s, m);
            case CREATE_PERMISSION -> permissionsOf(p).forEach(perm -> perm.answered(null, null, m.frame()));
            case CHANNEL_BIND -> {
                if (p != null && p.target instanceof Channel c) {
                    c.answered(null, null, m.frame());
                }
            }
            case CONNECT -> {
                ConnectionState c = connectionOf(p);
                c.connectionId = s.connectionId().orElse(-1);
                c.responseFrame = m.frame();
                c.responseNanos = m.epochNanos();
                c.startNanos = m.epochNanos();
                if (c.peer != null && connectedPeers.size() < MAX_SUCCESS_PEERS) {
                    connectedPeers.add(c.peer);
                }
            }
            default -> {
            }
        }
    }

    /** The permissions a CreatePermission request named, none if the request was not seen. */
    @SuppressWarnings("unchecked")
    private static List<Permission> permissionsOf(PendingRequest p) {
        return p != null && p.target instanceof List<?> named ? (List<Permission>) named : List.of();
    }

    /** The connection a Connect request started; one made now when the request was not seen. */
    private ConnectionState connectionOf(PendingRequest p) {
        if (p != null && p.target instanceof ConnectionState c) {
            return c;
        }
        ConnectionState c = new ConnectionState(TurnConnection.Kind.ACTIVE, null);
        addConnection(c);
        return c;
    }

    private void refreshAnswered(Refresh r, StunMessage s, DecodedMessage m) {
        r.responseFrame = m.frame();
        r.granted = s.lifetime().orElse(-1);
        if (r.requested == 0 || r.granted == 0) {
            deallocatedFrame = m.frame();
        } else if (r.granted > 0) {
            lifetime = r.granted;
            lifetimeFromNanos = m.epochNanos();
        }
    }

    private void error(DecodedMessage m, StunMessage s, TurnOp op) {
        PendingRequest p = pending.remove(s.transactionId());
        Integer boxed = s.errorCode();
        int code = boxed == null ? 0 : boxed;
        String reason = s.errorReason();
        if (code == 401 && (p == null || !p.integrity)) {
            challenges.add(m.frame()); // the normal first leg of long-term credentials
            return;
        }
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ErrorRecord(s.methodName(), code, reason, p == null ? 0 : p.frame, m.frame(),
                    p == null ? -1 : m.epochNanos() - p.nanos, p != null && p.integrity, p == null ? null : p.peer,
                    op));
        } else {
            errorsDropped++;
        }
        switch (op) {
            case ALLOCATE -> {
                if (p != null && p.target instanceof Refresh r) {
                    refreshFailed(r, code, reason, m.frame());
                } else if (!succeeded) {
                    allocErrorCode = code;
                    allocErrorReason = reason;
                    allocErrorFrame = m.frame();
                }
            }
            case REFRESH -> refreshFailed(p != null && p.target instanceof Refresh r ? r : addRefresh(0, -1), code,
                    reason, m.frame());
            case CREATE_PERMISSION -> permissionsOf(p).forEach(perm -> perm.answered(code, reason, m.frame()));
            case CHANNEL_BIND -> {
                if (p != null && p.target instanceof Channel c) {
                    c.answered(code, reason, m.frame());
                }
            }
            case CONNECT -> {
                ConnectionState c = connectionOf(p);
                c.errorCode = code;
                c.errorReason = reason;
                c.responseFrame = m.frame();
                c.responseNanos = m.epochNanos();
            }
            default -> {
            }
        }
    }

    private static void refreshFailed(Refresh r, int code, String reason, long frame) {
        r.responseFrame = frame;
        r.errorCode = code;
        r.errorReason = reason;
    }

    private void indication(DecodedMessage m, StunMessage s, TurnOp op) {
        if (op == TurnOp.CONNECTION_ATTEMPT) {
            ConnectionState c = new ConnectionState(TurnConnection.Kind.PASSIVE, s.xorPeerAddress().orElse(null));
            c.connectionId = s.connectionId().orElse(-1);
            c.responseFrame = m.frame();
            c.responseNanos = m.epochNanos();
            c.startNanos = m.epochNanos();
            addConnection(c);
        }
    }

    /** Whether a later request like the failed one succeeded (Connect: to the same peer). */
    private boolean recovered(ErrorRecord e) {
        if (e.op == TurnOp.CONNECT) {
            return e.peer != null && connectedPeers.contains(e.peer);
        }
        Long later = lastSuccess.get(e.op);
        return later != null && later > e.responseFrame;
    }

    /** The allocation as of capture time {@code endNanos}; {@code ended}: nothing more will come. */
    TurnAllocation snapshot(long endNanos, boolean ended, TurnTracker joins) {
        TurnAllocation.Outcome outcome;
        if (succeeded) {
            outcome = TurnAllocation.Outcome.SUCCESS;
        } else if (!allocateSeen) {
            outcome = TurnAllocation.Outcome.NOT_SEEN;
        } else if (allocErrorCode != null && lastAllocateRequestFrame < allocErrorFrame) {
            outcome = TurnAllocation.Outcome.ERROR;
        } else {
            outcome = TurnAllocation.Outcome.PENDING;
        }
        TurnAllocation.End end;
        long endFrame = 0;
        if (outcome == TurnAllocation.Outcome.ERROR) {
            end = TurnAllocation.End.FAILED;
        } else if (deallocatedFrame > 0) {
            end = TurnAllocation.End.DEALLOCATED;
            endFrame = deallocatedFrame;
        } else if (controlEndFrame > 0) {
            end = TurnAllocation.End.CONTROL_CLOSED;
            endFrame = controlEndFrame;
        } else if (expired(endNanos)) {
            end = TurnAllocation.End.EXPIRED;
        } else {
            end = TurnAllocation.End.OPEN;
        }
        List<TurnRefresh> refreshList = new ArrayList<>(refreshes.size());
        for (Refresh r : refreshes) {
            refreshList.add(new TurnRefresh(r.requestFrame, r.responseFrame, r.requested, r.granted, r.errorCode,
                    r.errorReason));
        }
        List<TurnPermission> permissionList = new ArrayList<>(permissions.size());
        permissions.forEach((host, p) -> permissionList.add(new TurnPermission(host, p.firstRequestFrame,
                p.requests, p.successes, p.errorCode, p.errorReason, p.lastResponseFrame)));
        List<TurnChannelBinding> channelList = new ArrayList<>(channels.size());
        channels.forEach((n, c) -> channelList.add(new TurnChannelBinding(n, c.peer, c.firstRequestFrame,
                c.responseFrame, c.requests, c.succeeded, c.errorCode, c.errorReason, c.toPeer, c.fromPeer)));
        List<TurnErrorResponse> errorList = new ArrayList<>(errors.size());
        for (ErrorRecord e : errors) {
            errorList.add(new TurnErrorResponse(e.method, e.code, e.reason, e.requestFrame, e.responseFrame,
                    e.elapsedNanos, e.integrity, e.peer, recovered(e)));
        }
        List<TurnConnection> connectionList = new ArrayList<>(connections.size());
        for (ConnectionState c : connections) {
            DataBind bind = c.hasId() ? joins.bindFor(server, c.connectionId) : null;
            if (bind != null && bind.errorCode != null && errorList.size() < MAX_ERRORS) {
                errorList.add(new TurnErrorResponse("ConnectionBind", bind.errorCode, bind.errorReason,
                        bind.requestFrame, bind.responseFrame,
                        bind.requestFrame > 0 ? bind.responseNanos - bind.requestNanos : -1, bind.integrity, c.peer,
                        false));
            }
            connectionList.add(connection(c, bind, endNanos, ended, joins));
        }
        Integer errorCode = outcome == TurnAllocation.Outcome.ERROR ? allocErrorCode : null;
        return new TurnAllocation(client, server, transport, controlConnection, dialect, requestedTransport, outcome,
                allocateRequestFrame, succeeded ? successFrame : allocErrorFrame, errorCode,
                errorCode == null ? null : allocErrorReason, challenges.frames(), authFrame, username, realm,
                relayed, mapped, lifetime, refreshList, permissionList, channelList, connectionList, errorList, end,
                endFrame, firstFrame, lastFrame);
    }

    private TurnConnection connection(ConnectionState c, DataBind bind, long endNanos, boolean ended,
                                      TurnTracker joins) {
        TurnConnection.State state;
        long bindDelay = bind != null && bind.requestFrame > 0 && c.startNanos > 0
                ? bind.requestNanos - c.startNanos : -1;
        if (c.errorCode != null) {
            state = TurnConnection.State.CONNECT_FAILED;
        } else if (!c.hasId()) {
            state = TurnConnection.State.CONNECTING;
        } else if (bind != null && bind.bound) {
            state = TurnConnection.State.BOUND;
        } else if (bind != null && bind.errorCode != null) {
            state = TurnConnection.State.BIND_FAILED;
        } else if (bind != null && bind.requestFrame > 0 && bindDelay <= BIND_TIMEOUT_NANOS) {
            state = TurnConnection.State.AWAITING_BIND; // the bind was sent in time; its answer is still due
        } else if (ended || endNanos - c.startNanos > BIND_TIMEOUT_NANOS) {
            state = TurnConnection.State.UNBOUND;
        } else {
            state = TurnConnection.State.AWAITING_BIND;
        }
        TurnConnection.DataConnection data = null;
        if (bind != null) {
            var flow = joins.flow(bind.stream);
            data = new TurnConnection.DataConnection(bind.stream, bind.client, bind.requestFrame, bind.responseFrame,
                    bindDelay, bind.bound, bind.errorCode, bind.errorReason, bind.relayedMessages,
                    flow == null ? -1 : flow.relayedStun(), flow == null ? -1 : flow.appBytesOut(),
                    flow == null ? -1 : flow.appBytesIn());
        }
        PeerLegState leg = relayed != null && c.peer != null ? joins.legFor(relayed, c.peer) : null;
        return new TurnConnection(c.kind, c.peer, c.connectionId, c.requestFrame, c.responseFrame, c.startNanos,
                c.requestFrame > 0 && c.responseFrame > 0 ? c.responseNanos - c.requestNanos : -1,
                c.errorCode, c.errorReason, state, data, leg == null ? null : leg.snapshot());
    }
}
