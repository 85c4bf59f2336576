package org.turnladder.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.turnladder.decode.Field;

/**
 * One session description (RFC 4566) with the Microsoft extensions used for application sharing.
 *
 * @param version           the {@code v=} number, {@code -1} if missing or unreadable
 * @param origin            the {@code o=} line, {@code null} if missing or unreadable
 * @param sessionName       {@code s=}, {@code null} if missing
 * @param connectionAddress session-level {@code c=} address (TTL/count suffix removed), {@code null} if missing
 * @param attributes        session-level {@code a=} lines
 * @param iceUfrag          session-level {@code a=ice-ufrag}, {@code null} if absent (SfB puts it per m-line)
 * @param icePwd            session-level {@code a=ice-pwd}, {@code null} if absent
 * @param offset            first byte of the SDP, relative to the SIP message's first byte
 * @param length            bytes of the SDP
 * @param fields            one field per line (media sections grouped), offsets relative to the message
 * @param warnings          malformed lines and candidates that were skipped
 */
public record SdpSession(int version, SdpOrigin origin, String sessionName, String connectionAddress,
                         List<SdpBandwidth> bandwidths, List<SdpAttribute> attributes, String iceUfrag,
                         String icePwd, List<SdpMedia> media, int offset, int length, List<Field> fields,
                         List<String> warnings) {

    public SdpSession {
        bandwidths = List.copyOf(bandwidths);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
        fields = List.copyOf(fields);
        warnings = List.copyOf(warnings);
    }

    /** Whether this SDP carries RFC 5245-style ICE credentials (session level or in any media section). */
    public boolean hasIceUfrag() {
        if (iceUfrag != null) {
            return true;
        }
        for (SdpMedia m : media) {
            if (m.iceUfrag() != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether any candidate is in the MS-ICE v1 (draft 6) form: the Lync {@code ms-proxy-2007fallback} SDP. */
    public boolean isIceV1() {
        for (SdpMedia m : media) {
            for (IceCandidate c : m.candidates()) {
                if (c.legacy()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Media sections of a type (case-insensitive), in order. */
    public List<SdpMedia> media(String type) {
        List<SdpMedia> out = new ArrayList<>();
        for (SdpMedia m : media) {
            if (m.type().equalsIgnoreCase(type)) {
                out.add(m);
            }
        }
        return out;
    }

    /** The first {@code m=applicationsharing} section. */
    public Optional<SdpMedia> applicationSharing() {
        for (SdpMedia m : media) {
            if (m.isApplicationSharing()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
