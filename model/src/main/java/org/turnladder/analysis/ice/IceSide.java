package org.turnladder.analysis.ice;

import java.util.List;
import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * One end of a candidate pair as the capture sees it.
 *
 * @param endpoint   the address checks leave from and arrive at (for checks inside relayed TCP: this end of the
 *                   carrying connection)
 * @param ufrag      the agent's ufrag, from the USERNAME of the checks ({@code <receiver>:<sender>}), {@code null}
 *                   when the checks carry none
 * @param seenAs     addresses the far agent reported for this end in XOR-MAPPED-ADDRESS of its success responses
 * @param agent      the SDP whose {@code a=ice-ufrag} is this ufrag, {@code null} if no SIP in the capture said so
 * @param candidates SDP candidates this end matches (by its own address, or by a {@code seenAs} address)
 */
public record IceSide(Endpoint endpoint, String ufrag, List<Endpoint> seenAs, SdpAgentRef agent,
                      List<CandidateLink> candidates) {
    public IceSide {
        seenAs = List.copyOf(seenAs);
        candidates = List.copyOf(candidates);
    }

    /** The type of the first matching SDP candidate (relay, host …), {@code null} if none matches. */
    public String candidateType() {
        return candidates.isEmpty() ? null : candidates.get(0).type();
    }

    public void writeJson(JsonWriter w) {
        w.beginObject().field("endpoint", endpoint.toString()).field("ufrag", ufrag);
        w.name("seenAs").beginArray();
        for (Endpoint e : seenAs) {
            w.value(e.toString());
        }
        w.endArray();
        if (agent != null) {
            w.name("sdp");
            agent.writeJson(w);
        }
        w.name("candidates").beginArray();
        for (CandidateLink c : candidates) {
            c.writeJson(w);
        }
        w.endArray().endObject();
    }
}
