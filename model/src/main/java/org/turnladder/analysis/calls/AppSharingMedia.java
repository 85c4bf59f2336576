package org.turnladder.analysis.calls;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.json.JsonWriter;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpMedia;

/**
 * The {@code m=applicationsharing} section of one side's SDP (MS-SDPEXT): where it listens, which role it takes and
 * the candidates it offers. Attribute values are {@code null} when absent.
 *
 * @param port              m-line port; {@code 0} means the stream is rejected or removed (RFC 3264)
 * @param connectionAddress the section's (or session's) {@code c=} address
 * @param role              {@code x-applicationsharing-role}: {@code sharer} or {@code viewer}
 * @param sessionId         {@code x-applicationsharing-session-id}
 * @param mediaType         {@code x-applicationsharing-media-type} ({@code rdp})
 * @param contentFlow       {@code x-applicationsharing-contentflow} ({@code sendonly}, {@code recvonly} …)
 * @param candidates        every candidate of the section ({@code a=candidate} and {@code a=x-candidate-ipv6})
 */
public record AppSharingMedia(int port, String proto, String connectionAddress, String role, String sessionId,
                              String mediaType, String contentFlow, String setup, String iceUfrag,
                              List<Candidate> candidates) {

    public AppSharingMedia {
        candidates = List.copyOf(candidates);
    }

    static AppSharingMedia of(SdpMedia m) {
        List<Candidate> cs = new ArrayList<>(m.candidates().size());
        for (IceCandidate c : m.candidates()) {
            cs.add(Candidate.of(c));
        }
        return new AppSharingMedia(m.port(), m.proto(), m.connectionAddress(), m.appSharingRole(),
                m.appSharingSessionId(), m.appSharingMediaType(), m.appSharingContentFlow(), m.setup(), m.iceUfrag(),
                cs);
    }

    public boolean isRejected() {
        return port == 0;
    }

    public long tcpCandidates() {
        return candidates.stream().filter(Candidate::isTcp).count();
    }

    public long relayCandidates() {
        return candidates.stream().filter(Candidate::isRelay).count();
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("port", port)
                .field("proto", proto)
                .field("connectionAddress", connectionAddress)
                .field("role", role)
                .field("sessionId", sessionId)
                .field("mediaType", mediaType)
                .field("contentFlow", contentFlow)
                .field("setup", setup)
                .field("iceUfrag", iceUfrag);
        w.name("candidates").beginArray();
        for (Candidate c : candidates) {
            c.writeJson(w);
        }
        w.endArray().endObject();
    }
}
