package org.turnladder.sip;

import java.util.List;
import java.util.Optional;
import org.turnladder.sip.sdp.SdpSession;

/**
 * One body part: the whole body of a single-part message, or one part of a multipart body (RFC 2046 §5.1).
 *
 * @param mediaType   lower-case {@code type/subtype} without parameters ({@code application/sdp}); empty if
 *                    there was no Content-Type
 * @param headers     the part's own headers (Content-Type, Content-Disposition …); empty for a single-part body
 * @param offset      first byte of the part (its headers), relative to the message's first byte
 * @param length      bytes of the part, headers included
 * @param bodyOffset  first byte of the part's content
 * @param bodyLength  bytes of content
 * @param sdp         the parsed SDP if the part is {@code application/sdp}, else {@code null}
 */
public record SipBodyPart(String mediaType, List<SipHeader> headers, int offset, int length, int bodyOffset,
                          int bodyLength, SdpSession sdp) {

    public SipBodyPart {
        headers = List.copyOf(headers);
    }

    public Optional<String> header(String name) {
        for (SipHeader h : headers) {
            if (h.is(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** Lync's ICEv6 fallback part carries {@code Content-Disposition: session; handling=optional; ms-proxy-2007fallback}. */
    public boolean isMsProxy2007Fallback() {
        return header("Content-Disposition").map(v -> v.toLowerCase(java.util.Locale.ROOT)
                .contains("ms-proxy-2007fallback")).orElse(false);
    }
}
