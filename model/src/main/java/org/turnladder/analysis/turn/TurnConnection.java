package org.turnladder.analysis.turn;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * One RFC 6062 connection of a TCP allocation: opened by a Connect (active) or announced by a ConnectionAttempt
 * (passive), tied by CONNECTION-ID to the ConnectionBind on the client's data connection and, when the capture
 * sees it, to the peer TCP leg between the relayed address and the peer.
 *
 * @param kind            active (Connect) or passive (ConnectionAttempt)
 * @param peer            the peer's transport address (XOR-PEER-ADDRESS), {@code null} if not seen
 * @param connectionId    CONNECTION-ID, -1 while none was given
 * @param requestFrame    Connect request frame; 0 for passive connections or when missed
 * @param responseFrame   Connect response frame, or the ConnectionAttempt frame; 0 while unanswered
 * @param startNanos      capture time of the Connect success / ConnectionAttempt (the 30 s bind timer starts
 *                        there), 0 if none
 * @param connectNanos    Connect request → response, -1 when unknown
 * @param errorCode       Connect error code, {@code null} if none
 * @param state           where the connection stands as of the time the snapshot was taken
 * @param data            the client data connection with its ConnectionBind, {@code null} if no bind was seen
 * @param peerLeg         the relayed address ⇄ peer TCP connection, {@code null} if the capture does not show it
 */
public record TurnConnection(Kind kind, Endpoint peer, long connectionId, long requestFrame, long responseFrame,
                             long startNanos, long connectNanos, Integer errorCode, String errorReason, State state,
                             DataConnection data, PeerLeg peerLeg) {

    public enum Kind {
        /** the client asked the server to dial the peer (Connect) */
        ACTIVE,
        /** the peer dialled the relayed address (ConnectionAttempt) */
        PASSIVE
    }

    public enum State {
        /** Connect sent, no answer yet */
        CONNECTING,
        /** Connect answered with an error */
        CONNECT_FAILED,
        /** CONNECTION-ID given, no ConnectionBind success yet, 30 s not over */
        AWAITING_BIND,
        /** ConnectionBind succeeded: the data connection is a pipe to the peer */
        BOUND,
        /** ConnectionBind answered with an error */
        BIND_FAILED,
        /** no ConnectionBind within 30 s, or none before the capture ended */
        UNBOUND
    }

    /**
     * The client data connection (a separate TCP connection to the same server address) and what went through it.
     *
     * @param stream            TCP stream id of the data connection
     * @param client            its client end
     * @param bindRequestFrame  ConnectionBind request, 0 if missed
     * @param bindResponseFrame ConnectionBind answer, 0 while unanswered
     * @param bindDelayNanos    Connect success / ConnectionAttempt → ConnectionBind request, -1 if unknown
     * @param errorCode         ConnectionBind error code (not a 401 challenge), {@code null} if none
     * @param relayedMessages   STUN messages decoded inside the pipe so far (ICE checks)
     * @param relayedStun       STUN messages inside the pipe per the connection's summary (once it ended), else -1
     * @param appBytesOut       application bytes client → peer per the summary, -1 while the connection is open
     * @param appBytesIn        application bytes peer → client per the summary, -1 while open
     */
    public record DataConnection(long stream, Endpoint client, long bindRequestFrame, long bindResponseFrame,
                                 long bindDelayNanos, boolean bound, Integer errorCode, String errorReason,
                                 long relayedMessages, long relayedStun, long appBytesOut, long appBytesIn) {

        void writeJson(JsonWriter w) {
            w.beginObject()
                    .field("stream", stream)
                    .field("client", client == null ? null : client.toString())
                    .field("bindRequestFrame", bindRequestFrame)
                    .field("bindResponseFrame", bindResponseFrame)
                    .field("bindDelayMillis", bindDelayNanos < 0 ? null : (Number) (bindDelayNanos / 1e6))
                    .field("bound", bound)
                    .field("errorCode", errorCode)
                    .field("errorReason", errorReason)
                    .field("relayedMessages", relayedMessages)
                    .field("relayedStun", relayedStun)
                    .field("appBytesOut", appBytesOut)
                    .field("appBytesIn", appBytesIn)
                    .endObject();
        }
    }

    /**
     * The TCP connection between the relayed address and the peer.
     *
     * @param stream   TCP stream id
     * @param opener   who sent the SYN: the relayed address (active) or the peer (passive)
     * @param synFrame the (last) SYN, 0 if the capture missed the opening or it is not known yet
     * @param synAcked a SYN-ACK answered it; false also while unknown
     * @param refused  the SYN was answered by RST
     * @param messages messages decoded on it so far (ICE checks, RFC 4571 framed)
     */
    public record PeerLeg(long stream, Endpoint opener, long firstFrame, long synFrame, boolean synAcked,
                          boolean refused, long messages) {

        void writeJson(JsonWriter w) {
            w.beginObject()
                    .field("stream", stream)
                    .field("opener", opener == null ? null : opener.toString())
                    .field("firstFrame", firstFrame)
                    .field("synFrame", synFrame)
                    .field("synAcked", synAcked)
                    .field("refused", refused)
                    .field("messages", messages)
                    .endObject();
        }
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .field("peer", peer == null ? null : peer.toString())
                .field("connectionId", connectionId < 0 ? null : String.format("%08x", connectionId))
                .field("requestFrame", requestFrame)
                .field("responseFrame", responseFrame)
                .field("connectMillis", connectNanos < 0 ? null : (Number) (connectNanos / 1e6))
                .field("errorCode", errorCode)
                .field("errorReason", errorReason)
                .field("state", state.name().toLowerCase(java.util.Locale.ROOT));
        w.name("data");
        if (data == null) {
            w.value((String) null);
        } else {
            data.writeJson(w);
        }
        w.name("peerLeg");
        if (peerLeg == null) {
            w.value((String) null);
        } else {
            peerLeg.writeJson(w);
        }
        w.endObject();
    }
}
