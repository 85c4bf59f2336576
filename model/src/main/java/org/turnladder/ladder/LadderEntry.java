package org.turnladder.ladder;

import org.turnladder.net.Endpoint;

/**
 * One decoded message as the ladder sees it: who sent it to whom, what to write on the arrow, and the facts the
 * filters need. Made by {@link LadderFeed} in capture order.
 *
 * @param messageIndex   index of the message in the order it was fed (0-based), to find the decoded message again
 * @param frame          frame number (1-based, Wireshark's)
 * @param epochNanos     capture time
 * @param label          what the arrow says ("Allocate TCP → 401 Unauthorized")
 * @param collapseKey    the label without parts that change between otherwise identical messages (data sizes):
 *                       equal keys on the same arrow collapse into one row
 * @param response       a STUN success/error response or a SIP response (drawn dashed)
 * @param dataBytes      application bytes carried (ChannelData), else 0
 * @param refresh        a TURN Refresh that keeps an allocation alive (not a deallocation), or its response
 * @param keepAlive      a keep-alive: Binding indication, SIP CRLF ping
 * @param retransmission the same request or response (same transaction, same direction) was seen before
 * @param warning        the message has decoding or carriage warnings
 * @param callId         SIP Call-ID, {@code null} for other protocols
 * @param turnSession    id of the {@link TurnSession} the message belongs to, -1 if none
 */
public record LadderEntry(int messageIndex, long frame, long epochNanos, Endpoint src, Endpoint dst, String label,
                          String collapseKey, ArrowStyle style, boolean response, long dataBytes, boolean refresh,
                          boolean keepAlive, boolean retransmission, boolean warning, String callId, int turnSession) {
}
