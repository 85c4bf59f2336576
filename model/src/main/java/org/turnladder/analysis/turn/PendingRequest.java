package org.turnladder.analysis.turn;

import org.turnladder.net.Endpoint;

/** A request waiting for its answer, matched by transaction id. Holds what the answer needs, not the message. */
final class PendingRequest {
    final TurnOp op;
    final long frame;
    final long nanos;
    final boolean integrity;
    final Endpoint peer;
    /** the Refresh / Connect / channel record this request created, to complete on the answer */
    Object target;
    int retransmissions;

    PendingRequest(TurnOp op, long frame, long nanos, boolean integrity, Endpoint peer) {
        this.op = op;
        this.frame = frame;
        this.nanos = nanos;
        this.integrity = integrity;
        this.peer = peer;
    }
}
