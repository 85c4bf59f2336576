package org.turnladder.analysis.calls;

/**
 * An application-sharing offer that was refused: an INVITE answered with a final status ≥ 300 ({@code invite} set),
 * or an answer that set the {@code m=applicationsharing} port to 0 ({@code exchange} set).
 */
record Rejection(InviteTx invite, Exchange exchange) {
}
