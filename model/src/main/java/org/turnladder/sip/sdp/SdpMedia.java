package org.turnladder.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One media description ({@code m=} line and the lines up to the next {@code m=}). Optional attribute values are
 * {@code null} when the attribute is absent.
 *
 * @param type                  media type ({@code applicationsharing}, {@code audio}, {@code video})
 * @param port                  port of the m-line, {@code 0} = rejected/removed (RFC 3264), {@code -1} if unreadable
 * @param portCount             the {@code /<n>} after the port, {@code 1} if absent
 * @param proto                 {@code TCP/RTP/AVP}, {@code RTP/SAVP} …
 * @param connectionAddress     this section's {@code c=} address, else the session's, {@code null} if neither
 * @param iceUfrag              media-level {@code a=ice-ufrag}, else the session-level one
 * @param icePwd                media-level {@code a=ice-pwd}, else the session-level one
 * @param appSharingSessionId   {@code a=x-applicationsharing-session-id}
 * @param appSharingRole        {@code a=x-applicationsharing-role} ({@code sharer} / {@code viewer})
 * @param appSharingMediaType   {@code a=x-applicationsharing-media-type} ({@code rdp})
 * @param appSharingContentFlow {@code a=x-applicationsharing-contentflow} ({@code sendonly} …)
 * @param setup                 {@code a=setup} (RFC 4145: active, passive, actpass, holdconn)
 * @param connection            {@code a=connection} ({@code new} / {@code existing})
 * @param label                 {@code a=label} ({@code main-video}, {@code applicationsharing-video})
 * @param offset                first byte of the m-line, relative to the SIP message's first byte
 * @param length                bytes up to the end of the section's last line (line end excluded)
 */
public record SdpMedia(String type, int port, int portCount, String proto, List<String> formats,
                       String connectionAddress, List<SdpBandwidth> bandwidths, List<SdpAttribute> attributes,
                       List<IceCandidate> candidates, List<RemoteCandidate> remoteCandidates, List<RtpMap> rtpmaps,
                       String iceUfrag, String icePwd, String appSharingSessionId, String appSharingRole,
                       String appSharingMediaType, String appSharingContentFlow, String setup, String connection,
                       String label, int offset, int length) {

    public SdpMedia {
        formats = List.copyOf(formats);
        bandwidths = List.copyOf(bandwidths);
        attributes = List.copyOf(attributes);
        candidates = List.copyOf(candidates);
        remoteCandidates = List.copyOf(remoteCandidates);
        rtpmaps = List.copyOf(rtpmaps);
    }

    /** Port 0: the answerer rejected the stream, or the offerer removed it (RFC 3264 §6, §8.2). */
    public boolean isRejected() {
        return port == 0;
    }

    /** RDP application sharing ({@code m=applicationsharing}). */
    public boolean isApplicationSharing() {
        return "applicationsharing".equalsIgnoreCase(type);
    }

    /** Video-based screen sharing (VbSS): {@code m=video} labelled {@code applicationsharing-video}. */
    public boolean isVideoBasedSharing() {
        return "video".equalsIgnoreCase(type) && "applicationsharing-video".equalsIgnoreCase(label);
    }

    /** The first value of an attribute (case-insensitive name); empty string for a flag attribute. */
    public Optional<String> attribute(String name) {
        for (SdpAttribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                return Optional.of(a.value());
            }
        }
        return Optional.empty();
    }

    /** All values of an attribute, in order. */
    public List<String> attributes(String name) {
        List<String> out = new ArrayList<>();
        for (SdpAttribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                out.add(a.value());
            }
        }
        return out;
    }

    /** {@code sendrecv}, {@code sendonly}, {@code recvonly} or {@code inactive} if one is given, else null. */
    public String direction() {
        for (SdpAttribute a : attributes) {
            switch (a.name().toLowerCase(java.util.Locale.ROOT)) {
                case "sendrecv", "sendonly", "recvonly", "inactive" -> {
                    return a.name().toLowerCase(java.util.Locale.ROOT);
                }
                default -> {
                }
            }
        }
        return null;
    }
}
