package org.turnladder.analysis.ice;

import org.turnladder.json.JsonWriter;

/**
 * An SDP candidate that a pair endpoint matches by transport, address and port.
 *
 * @param agent     the SDP the candidate was offered in
 * @param number    1-based position among the m-line's candidates
 * @param foundation the candidate's foundation
 * @param transport the transport token as written ({@code TCP-PASS}, {@code UDP}, {@code tcp})
 * @param type      {@code host}, {@code srflx}, {@code prflx}, {@code relay} (empty for MS-ICE v1)
 * @param address   {@code ip:port} of the candidate
 * @param ufrag     the m-line's ice-ufrag, {@code null} if none
 * @param matchedBy {@code address} when the pair endpoint itself is the candidate, {@code mapped} when the far agent
 *                  reported that address in XOR-MAPPED-ADDRESS (checks inside relayed TCP)
 */
public record CandidateLink(SdpAgentRef agent, int number, String foundation, String transport, String type,
                            String address, String ufrag, String matchedBy) {

    /** "offer candidate 4 (TCP-PASS relay 203.0.113.10:52044) of call 3f7c…". */
    public String describe() {
        String kind = type.isEmpty() ? transport : transport + " " + type;
        return agent.sdpRole() + " candidate " + number + " (" + kind + " " + address + ") of call " + agent.callId();
    }

    public boolean isRelay() {
        return "relay".equalsIgnoreCase(type);
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("callId", agent.callId())
                .field("sdp", agent.sdpRole())
                .field("media", agent.mediaType())
                .field("sipFrame", agent.frame())
                .field("number", number)
                .field("foundation", foundation)
                .field("transport", transport)
                .field("type", type)
                .field("address", address)
                .field("ufrag", ufrag)
                .field("matchedBy", matchedBy)
                .field("text", describe())
                .endObject();
    }
}
