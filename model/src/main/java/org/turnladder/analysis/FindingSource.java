package org.turnladder.analysis;

import java.util.List;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TcpFlowSummary;

/**
 * One part of the analysis: fed every decoded message in capture order (a file or a live capture), it can say at
 * any moment what it found so far. Implementations keep little per message.
 */
public interface FindingSource {

    void message(DecodedMessage m);

    /** A TCP connection ended that was recognised (TLS, STUN/TURN, …) or failed to open. */
    default void tcpFlow(TcpFlowSummary flow) {
    }

    /**
     * Findings as of now. {@code endNanos} is the capture time of the last frame seen: timers (a Connect not bound
     * within 30 s) count up to it; {@code ended} says the capture is over, so what never came will not come.
     */
    List<Finding> findings(long endNanos, boolean ended);
}
