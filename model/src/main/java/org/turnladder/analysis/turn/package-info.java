/**
 * TURN analysis: {@link org.turnladder.analysis.turn.TurnTracker} follows allocations (per TCP control connection
 * or UDP 5-tuple) with their challenges, refreshes, permissions, channel bindings and RFC 6062 connections — each
 * Connect / ConnectionAttempt joined by CONNECTION-ID to its ConnectionBind on the data connection and to the
 * relayed address ⇄ peer leg — and raises the {@code turn.*} findings;
 * {@link org.turnladder.analysis.turn.TcpAttemptFindings} raises {@code tcp.connect-unanswered} /
 * {@code tcp.connect-refused} for failed TCP openings towards TURN servers, relays, peers, SDP candidates and SIP
 * ports. Both are fed message by message and keep capped state only.
 */
package org.turnladder.analysis.turn;
