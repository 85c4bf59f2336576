package org.turnladder.analysis.ice;

/** One check transaction: a request (and its retransmissions) waiting for, or having got, a response. */
final class Transaction {
    final boolean useCandidate;
    long lastSendNanos;
    boolean answered;

    Transaction(long nanos, boolean useCandidate) {
        this.lastSendNanos = nanos;
        this.useCandidate = useCandidate;
    }
}
