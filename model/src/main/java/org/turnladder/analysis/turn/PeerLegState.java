package org.turnladder.analysis.turn;

import org.turnladder.framing.TcpFlowSummary;

/** What the capture shows of one relayed address ⇄ peer TCP connection. */
final class PeerLegState {
    long stream = -1;
    long firstFrame;
    long messages;
    TcpFlowSummary flow;

    TurnConnection.PeerLeg snapshot() {
        if (flow != null) {
            return new TurnConnection.PeerLeg(flow.id(), flow.client(), flow.firstFrame(), flow.lastSynFrame(),
                    flow.synAcked(), flow.refused(), messages);
        }
        // Without the summary only the messages tell: if any went through, the handshake succeeded.
        return new TurnConnection.PeerLeg(stream, null, firstFrame, 0, messages > 0, false, messages);
    }
}
