package org.turnladder.analysis.ice;

import java.util.List;
import java.util.Map;
import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * The checks one agent sent to the other on a pair, and the responses that came back (the responses travel the
 * reverse way but belong to these checks). Frame numbers are -1 when there was nothing.
 *
 * @param requests          check transactions (distinct transaction ids)
 * @param retransmissions   further copies of a request with a transaction id already seen
 * @param firstRequestFrame frame of the first request
 * @param lastRequestFrame  frame of the last request (retransmissions included)
 * @param firstRequestNanos capture time of the first request, -1 if none
 * @param lastRequestNanos  capture time of the last request (retransmissions included), -1 if none
 * @param successes         success responses received (duplicates included)
 * @param errors            error responses received, by code
 * @param answered          transactions that got any response
 * @param succeeded         transactions that got a success response
 * @param unansweredRequests transactions with no response so far
 * @param unmatchedResponses responses whose request was not seen (capture started late)
 * @param useCandidate      a request carried USE-CANDIDATE
 * @param nominated         a request with USE-CANDIDATE got a success response
 * @param nominationFrame   frame of that success response, -1 if none
 * @param role              the role claimed in the last request, {@code null} if none
 * @param msIce2            the checks are MS-ICE2 (MS-IMPLEMENTATION-VERSION / MS-CANDIDATE-IDENTIFIER)
 * @param roundTrip         request → response times
 * @param indications       Binding indications (keep-alives) sent the same way as the requests
 * @param requestFrames     the first few request frames and the last one
 * @param responseFrames    the first few response frames and the last one
 * @param icmpWarning       an ICMP error quoting one of these requests, {@code null} if none
 * @param icmpFrame         frame of that ICMP error, -1 if none
 */
public record IceDirection(Endpoint from, Endpoint to, long requests, long retransmissions, long firstRequestFrame,
                           long lastRequestFrame, long firstRequestNanos, long lastRequestNanos, long successes,
                           Map<Integer, Long> errors,
                           long answered, long succeeded, long unansweredRequests, long unmatchedResponses,
                           boolean useCandidate, boolean nominated, IceRole role, boolean msIce2,
                           RoundTrip roundTrip, long nominationFrame, long indications, List<Long> requestFrames,
                           List<Long> responseFrames, String icmpWarning, long icmpFrame) {
    public IceDirection {
        errors = Map.copyOf(errors);
        requestFrames = List.copyOf(requestFrames);
        responseFrames = List.copyOf(responseFrames);
    }

    /** Time from the first request to the last one. */
    public long requestSpanNanos() {
        return firstRequestNanos < 0 ? 0 : lastRequestNanos - firstRequestNanos;
    }

    /** A request went this way and a success came back. */
    public boolean works() {
        return succeeded > 0;
    }

    /** Requests went this way and nothing at all came back. */
    public boolean unanswered() {
        return requests > 0 && answered == 0 && unmatchedResponses == 0;
    }

    public long errorResponses() {
        long n = 0;
        for (long c : errors.values()) {
            n += c;
        }
        return n;
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("from", from.toString())
                .field("to", to.toString())
                .field("requests", requests)
                .field("retransmissions", retransmissions)
                .field("firstRequestFrame", firstRequestFrame)
                .field("lastRequestFrame", lastRequestFrame)
                .field("successes", successes)
                .field("answered", answered)
                .field("succeeded", succeeded)
                .field("unanswered", unansweredRequests)
                .field("unmatchedResponses", unmatchedResponses);
        w.name("errors").beginArray();
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                w.beginObject().field("code", e.getKey()).field("count", e.getValue()).endObject());
        w.endArray()
                .field("useCandidate", useCandidate)
                .field("nominated", nominated)
                .field("nominationFrame", nominationFrame)
                .field("role", role == null ? null : role.json())
                .field("msIce2", msIce2)
                .field("indications", indications)
                .field("works", works());
        w.name("rtt");
        roundTrip.writeJson(w);
        if (icmpWarning != null) {
            w.field("icmp", icmpWarning).field("icmpFrame", icmpFrame);
        }
        w.endObject();
    }
}
