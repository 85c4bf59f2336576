package org.turnladder.analysis.ice;

/** One check transaction: a request (and its retransmissions) waiting for, or having got, a response. */
final class Transaction {
    final long firstFrame;
    final boolean useCandidate;
    long lastSendNanos;
    boolean answered;

    Transaction(long firstFrame, long nanos, boolean useCandidate) {
        this.firstFrame = firstFrame;
        this.lastSendNanos = nanos;
        this.useCandidate = useCandidate;
    }
}
