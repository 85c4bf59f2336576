package org.turnladder.analysis.ice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.turnladder.memory.BoundedMap;
import org.turnladder.net.Endpoint;

/** Running counters for the checks one way on a pair; what {@link IceDirection} is a snapshot of. */
final class DirectionState {
    /**
     * Transactions remembered per direction (to spot retransmissions and match responses); agents pace their checks
     * (RFC 5245 Ta ≥ 20 ms, answers come within milliseconds), so older ones are long settled.
     */
    private static final int MAX_TRANSACTIONS = 16;
    private static final int MAX_SEEN_AS = 4;
    private static final int MAX_ERROR_FRAMES = 5;

    final Endpoint from;
    final Endpoint to;
    private final BoundedMap<String, Transaction> recent = new BoundedMap<>(MAX_TRANSACTIONS);
    long requests;
    long retransmissions;
    long firstRequestNanos = -1;
    long lastRequestNanos = -1;
    final FrameSample requestFrames = new FrameSample();
    final FrameSample responseFrames = new FrameSample();
    long successes;
    final Map<Integer, Long> errors = new TreeMap<>();
    /** error responses, first few: code and frame */
    final List<long[]> errorFrames = new ArrayList<>();
    long answered;
    long succeeded;
    long unmatchedResponses;
    boolean useCandidate;
    boolean nominated;
    long nominationFrame = -1;
    IceRole role;
    boolean msIce2;
    long rttCount;
    long rttSumNanos;
    long rttMinNanos = Long.MAX_VALUE;
    long rttMaxNanos;
    long indications;
    final List<Endpoint> seenAs = new ArrayList<>(1);
    String icmpWarning;
    long icmpFrame = -1;

    DirectionState(Endpoint from, Endpoint to) {
        this.from = from;
        this.to = to;
    }

    /**
     * A request, or ({@code icmp} not null) a request quoted back by an ICMP error: that one is no retransmission,
     * and it stands for the request only when the request itself was not captured.
     */
    void request(String txid, long frame, long nanos, boolean useCand, IceRole claimed, boolean ms2, String icmp) {
        Transaction t = recent.get(txid);
        if (icmp != null && icmpWarning == null) {
            icmpWarning = icmp;
            icmpFrame = frame;
        }
        if (icmp != null && t != null) {
            return;
        }
        if (t == null) {
            recent.put(txid, new Transaction(nanos, useCand));
            requests++;
            if (firstRequestNanos < 0) {
                firstRequestNanos = nanos;
            }
        } else {
            retransmissions++;
            t.lastSendNanos = nanos;
        }
        lastRequestNanos = nanos;
        requestFrames.add(frame);
        useCandidate |= useCand;
        msIce2 |= ms2;
        if (claimed != null) {
            role = claimed;
        }
    }

    /** Whether a request with this transaction id is remembered. */
    boolean knows(String txid) {
        return recent.containsKey(txid);
    }

    void response(String txid, boolean success, Integer errorCode, Endpoint mapped, long frame, long nanos,
                  boolean ms2) {
        responseFrames.add(frame);
        msIce2 |= ms2;
        if (success) {
            successes++;
            if (mapped != null && seenAs.size() < MAX_SEEN_AS && !seenAs.contains(mapped)) {
                seenAs.add(mapped);
            }
        } else {
            int code = errorCode == null ? 0 : errorCode;
            errors.merge(code, 1L, Long::sum);
            if (errorFrames.size() < MAX_ERROR_FRAMES) {
                errorFrames.add(new long[] {code, frame});
            }
        }
        Transaction t = txid == null ? null : recent.get(txid);
        if (t == null) {
            unmatchedResponses++;
            return;
        }
        if (t.answered) {
            return; // a duplicate response: counted above, but the transaction was settled by the first one
        }
        t.answered = true;
        answered++;
        long rtt = nanos - t.lastSendNanos;
        if (rtt >= 0) {
            rttCount++;
            rttSumNanos += rtt;
            rttMinNanos = Math.min(rttMinNanos, rtt);
            rttMaxNanos = Math.max(rttMaxNanos, rtt);
        }
        if (success) {
            succeeded++;
            if (t.useCandidate && !nominated) {
                nominated = true;
                nominationFrame = frame;
            }
        }
    }

    void indication() {
        indications++;
    }

    IceDirection snapshot() {
        RoundTrip rt = rttCount == 0 ? RoundTrip.NONE
                : new RoundTrip(rttCount, rttMinNanos / 1e6, rttSumNanos / 1e6 / rttCount, rttMaxNanos / 1e6);
        return new IceDirection(from, to, requests, retransmissions, requestFrames.first(), requestFrames.last(),
                firstRequestNanos, lastRequestNanos, successes, errors, answered,
                succeeded, requests - answered, unmatchedResponses, useCandidate, nominated, role, msIce2, rt,
                nominationFrame, indications, requestFrames.frames(), responseFrames.frames(), icmpWarning,
                icmpFrame);
    }
}
