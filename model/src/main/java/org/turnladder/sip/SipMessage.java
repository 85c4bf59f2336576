package org.turnladder.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.turnladder.decode.Field;
import org.turnladder.decode.Payload;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;

/**
 * A decoded SIP request or response, immutable. Made by {@link SipDecoder#decode}; every offset is relative to the
 * message's first byte. Header-derived values are {@code null} when the header is absent.
 */
public final class SipMessage implements Payload {

    private final boolean request;
    private final boolean keepAlive;
    private final String method;
    private final String requestUri;
    private final int statusCode;
    private final String reason;
    private final Field startLine;
    private final List<SipHeader> headers;
    private final int headersOffset;
    private final int bodyOffset;
    private final int bodyLength;
    private final int length;
    private final String bodyType;
    private final List<SipBodyPart> bodyParts;
    private final List<SdpSession> sdps;
    private final List<MsDiagnostic> msDiagnostics;
    private final List<String> warnings;

    private final String callId;
    private final long cseqNumber;
    private final String cseqMethod;

    private volatile List<Field> fields;

    SipMessage(boolean request, boolean keepAlive, String method, String requestUri, int statusCode, String reason,
               Field startLine, List<SipHeader> headers, int headersOffset, int bodyOffset, int bodyLength,
               int length, String bodyType, List<SipBodyPart> bodyParts, List<MsDiagnostic> msDiagnostics,
               long cseqNumber, String cseqMethod, List<String> warnings) {
        this.request = request;
        this.keepAlive = keepAlive;
        this.requestUri = requestUri;
        this.statusCode = statusCode;
        this.reason = reason;
        this.startLine = startLine;
        this.headers = List.copyOf(headers);
        this.headersOffset = headersOffset;
        this.bodyOffset = bodyOffset;
        this.bodyLength = bodyLength;
        this.length = length;
        this.bodyType = bodyType;
        this.bodyParts = List.copyOf(bodyParts);
        this.msDiagnostics = List.copyOf(msDiagnostics);
        this.warnings = List.copyOf(warnings);
        this.cseqNumber = cseqNumber;
        this.cseqMethod = cseqMethod;
        this.method = request ? method : cseqMethod;
        this.callId = header("Call-ID").orElse(null);
        List<SdpSession> s = new ArrayList<>(2);
        for (SipBodyPart p : this.bodyParts) {
            if (p.sdp() != null) {
                s.add(p.sdp());
            }
        }
        this.sdps = List.copyOf(s);
    }

    @Override
    public String protocol() {
        return "SIP";
    }

    public boolean isRequest() {
        return request;
    }

    /** A status line was read (false for requests and for unreadable start lines). */
    public boolean isResponse() {
        return statusCode > 0;
    }

    /** Only CR/LF bytes: a keep-alive ping (RFC 5626 §3.5.1), not a message. */
    public boolean isKeepAlive() {
        return keepAlive;
    }

    /** The request method, or the CSeq method for a response. */
    public String method() {
        return method;
    }

    /** The Request-URI, {@code null} for a response. */
    public String requestUri() {
        return requestUri;
    }

    /** The status code, {@code 0} for a request. */
    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase, {@code null} for a request. */
    public String reason() {
        return reason;
    }

    public String callId() {
        return callId;
    }

    /** The CSeq number, {@code -1} if CSeq is missing or unreadable. */
    public long cseqNumber() {
        return cseqNumber;
    }

    public String cseqMethod() {
        return cseqMethod;
    }

    public String from() {
        return header("From").orElse(null);
    }

    public String to() {
        return header("To").orElse(null);
    }

    public String fromTag() {
        return NameAddr.tag(from());
    }

    public String toTag() {
        return NameAddr.tag(to());
    }

    public String userAgent() {
        return header("User-Agent").orElse(null);
    }

    public String server() {
        return header("Server").orElse(null);
    }

    public String contentType() {
        return header("Content-Type").orElse(null);
    }

    /** All headers in order, compact names expanded. */
    public List<SipHeader> headers() {
        return headers;
    }

    /** The first header of that name (case-insensitive, compact forms understood). */
    public Optional<String> header(String name) {
        for (SipHeader h : headers) {
            if (h.is(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** Values of every header of that name, in order (a comma-joined Via stays one value). */
    public List<String> headers(String name) {
        List<String> out = new ArrayList<>(2);
        for (SipHeader h : headers) {
            if (h.is(name)) {
                out.add(h.value());
            }
        }
        return out;
    }

    /** Leaf body parts (the body itself, or each part of a multipart body). */
    public List<SipBodyPart> bodyParts() {
        return bodyParts;
    }

    /** Every SDP in the body, in order. */
    public List<SdpSession> sdps() {
        return sdps;
    }

    /** The SDP that matters: the first with {@code a=ice-ufrag} (ICEv19 over the ICEv6 fallback), else the first. */
    public Optional<SdpSession> preferredSdp() {
        for (SdpSession s : sdps) {
            if (s.hasIceUfrag()) {
                return Optional.of(s);
            }
        }
        return sdps.isEmpty() ? Optional.empty() : Optional.of(sdps.get(0));
    }

    /** The first {@code m=applicationsharing} of the preferred SDP. */
    public Optional<SdpMedia> applicationSharing() {
        return preferredSdp().flatMap(SdpSession::applicationSharing);
    }

    public boolean hasApplicationSharing() {
        return applicationSharing().isPresent();
    }

    /** Entries of ms-diagnostics, ms-diagnostics-public and ms-client-diagnostics, in header order. */
    public List<MsDiagnostic> msDiagnostics() {
        return msDiagnostics;
    }

    /** Bytes this message occupies: head plus the body that was taken. */
    public int length() {
        return length;
    }

    /** Offset of the body (just past the empty line). */
    public int bodyOffset() {
        return bodyOffset;
    }

    public int bodyLength() {
        return bodyLength;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    /** "INVITE m=applicationsharing sip:…", "488 Not Acceptable Here · ms-diag 21002". */
    @Override
    public String summary() {
        if (keepAlive) {
            return "CRLF keep-alive";
        }
        StringBuilder s = new StringBuilder();
        if (request) {
            s.append(method);
        } else if (statusCode > 0) {
            s.append(statusCode);
            if (reason != null && !reason.isEmpty()) {
                s.append(' ').append(reason);
            }
        } else {
            s.append("Malformed SIP: ").append(HeaderReader.abbreviate(startLine.value()));
        }
        preferredSdp().ifPresent(sdp -> {
            for (SdpMedia m : sdp.media()) {
                s.append(" m=").append(m.type());
                if (m.isVideoBasedSharing()) {
                    s.append("(applicationsharing-video)");
                }
                if (m.isRejected()) {
                    s.append(" port 0");
                }
            }
        });
        if (request && requestUri != null) {
            s.append(' ').append(requestUri);
        }
        if (!msDiagnostics.isEmpty()) {
            s.append(" · ms-diag ");
            for (int i = 0; i < msDiagnostics.size(); i++) {
                s.append(i > 0 ? ", " : "").append(msDiagnostics.get(i).codeText());
            }
        }
        return s.toString();
    }

    /** Start line, headers, body parts and SDP lines, built on first use. */
    @Override
    public List<Field> fields() {
        List<Field> f = fields;
        if (f == null) {
            f = buildFields();
            fields = f;
        }
        return f;
    }

    private List<Field> buildFields() {
        if (keepAlive) {
            return List.of(Field.leaf("Keep-alive", "CRLF", 0, length));
        }
        List<Field> out = new ArrayList<>(3);
        out.add(startLine);
        if (!headers.isEmpty()) {
            List<Field> hs = new ArrayList<>(headers.size());
            for (SipHeader h : headers) {
                hs.add(Field.leaf(h.name(), h.value(), h.offset(), h.length()));
            }
            out.add(new Field("Message Header", headers.size() + " headers", headersOffset,
                    bodyOffset - headersOffset, hs));
        }
        if (bodyLength > 0) {
            out.add(new Field("Message Body", bodyType.isEmpty() ? bodyLength + " bytes" : bodyType, bodyOffset,
                    bodyLength, bodyChildren()));
        }
        return List.copyOf(out);
    }

    private List<Field> bodyChildren() {
        boolean single = bodyParts.size() == 1 && bodyParts.get(0).headers().isEmpty();
        List<Field> out = new ArrayList<>(bodyParts.size());
        for (int i = 0; i < bodyParts.size(); i++) {
            SipBodyPart p = bodyParts.get(i);
            List<Field> children = new ArrayList<>();
            for (SipHeader h : p.headers()) {
                children.add(Field.leaf(h.name(), h.value(), h.offset(), h.length()));
            }
            if (p.sdp() != null) {
                children.add(new Field("Session Description Protocol", sdpValue(p.sdp()), p.sdp().offset(),
                        p.sdp().length(), p.sdp().fields()));
            } else if (p.bodyLength() > 0) {
                children.add(Field.leaf("Content", p.bodyLength() + " bytes", p.bodyOffset(), p.bodyLength()));
            }
            if (single) {
                return children;
            }
            String name = "Part " + (i + 1) + (p.mediaType().isEmpty() ? "" : ": " + p.mediaType());
            String value = p.isMsProxy2007Fallback() ? "ms-proxy-2007fallback (ICEv6)"
                    : p.header("Content-Disposition").orElse("");
            out.add(new Field(name, value, p.offset(), p.length(), children));
        }
        return out;
    }

    private static String sdpValue(SdpSession s) {
        StringBuilder v = new StringBuilder();
        for (SdpMedia m : s.media()) {
            v.append(v.length() > 0 ? " " : "").append("m=").append(m.type());
        }
        if (s.isIceV1()) {
            v.append(" (MS-ICE v1)");
        }
        return v.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
