package org.turnladder.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.turnladder.sip.sdp.SdpParser;
import org.turnladder.sip.sdp.SdpSession;

/**
 * Splits a SIP body into parts: one part for a single-part body, each leaf part of a multipart body (RFC 2046 §5.1,
 * nested multiparts flattened), and parses the {@code application/sdp} ones.
 */
final class BodyParser {

    private static final int MAX_DEPTH = 4;

    private final byte[] b;
    private final int msgStart;
    private final List<SipBodyPart> out;
    private final List<String> warnings;

    private BodyParser(byte[] b, int msgStart, List<SipBodyPart> out, List<String> warnings) {
        this.b = b;
        this.msgStart = msgStart;
        this.out = out;
        this.warnings = warnings;
    }

    /** Parts of the body {@code [from, to)} (absolute indices) whose Content-Type value is {@code contentType}. */
    static List<SipBodyPart> parse(byte[] b, int from, int to, int msgStart, String contentType,
                                   List<String> warnings) {
        List<SipBodyPart> out = new ArrayList<>(2);
        if (to > from) {
            new BodyParser(b, msgStart, out, warnings).body(from, to, from, List.of(), MediaType.parse(contentType),
                    0);
        }
        return out;
    }

    /**
     * One entity: {@code [partStart, from)} are its headers (none for the message body), {@code [from, to)} its
     * content.
     */
    private void body(int from, int to, int partStart, List<SipHeader> headers, MediaType type, int depth) {
        if (type.isMultipart() && depth < MAX_DEPTH) {
            if (type.boundary() == null || type.boundary().isEmpty()) {
                warnings.add(type.type() + " body without a boundary parameter");
            } else {
                multipart(from, to, type.boundary(), depth);
                return;
            }
        }
        SdpSession sdp = null;
        if (type.isSdp() || (type.type().isEmpty() && startsWith(from, to, "v=0"))) {
            if (!type.isSdp()) {
                warnings.add("body without Content-Type looks like SDP and was read as SDP");
            }
            sdp = SdpParser.parse(b, from, to - from, from - msgStart);
        }
        out.add(new SipBodyPart(type.type(), headers, partStart - msgStart, to - partStart, from - msgStart,
                to - from, sdp));
    }

    private void multipart(int from, int to, String boundary, int depth) {
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
        int p = findDelimiter(delim, from, to);
        if (p < 0) {
            warnings.add("multipart body without its boundary --" + boundary);
            return;
        }
        int count = 0;
        while (true) {
            int after = p + delim.length;
            if (after + 1 < to && b[after] == '-' && b[after + 1] == '-') {
                break; // close delimiter
            }
            int lf = indexOf((byte) '\n', after, to);
            if (lf < 0) {
                warnings.add("multipart body ends inside a boundary line");
                break;
            }
            int partStart = lf + 1;
            int next = findDelimiter(delim, partStart, to);
            int partEnd = next < 0 ? to : next;
            if (next >= 0) { // the line end before a delimiter belongs to the delimiter
                if (partEnd > partStart && b[partEnd - 1] == '\n') {
                    partEnd--;
                }
                if (partEnd > partStart && b[partEnd - 1] == '\r') {
                    partEnd--;
                }
            }
            part(partStart, partEnd, depth);
            count++;
            if (next < 0) {
                warnings.add("multipart body not closed by --" + boundary + "--");
                break;
            }
            p = next;
        }
        if (count == 0) {
            warnings.add("multipart body without parts");
        }
    }

    private void part(int s, int e, int depth) {
        List<SipHeader> headers = new ArrayList<>(2);
        int content;
        if (!hasBlankLine(s, e)) {
            warnings.add("multipart part without an empty line after its headers: read as content only");
            content = s;
        } else {
            content = HeaderReader.read(b, s, e, msgStart, headers, warnings);
            if (content < 0) {
                content = e;
            }
        }
        String type = null;
        for (SipHeader h : headers) {
            if (h.is("Content-Type")) {
                type = h.value();
                break;
            }
        }
        body(content, e, s, headers, MediaType.parse(type), depth + 1);
    }

    /** Whether {@code [s, e)} starts with an empty line or contains one (LF LF or LF CR LF). */
    private boolean hasBlankLine(int s, int e) {
        if (s < e && (b[s] == '\n' || (b[s] == '\r' && s + 1 < e && b[s + 1] == '\n'))) {
            return true;
        }
        for (int i = s; i < e; i++) {
            if (b[i] == '\n' && i + 1 < e
                    && (b[i + 1] == '\n' || (b[i + 1] == '\r' && i + 2 < e && b[i + 2] == '\n'))) {
                return true;
            }
        }
        return false;
    }

    /** A delimiter counts only at the start of the body or of a line. */
    private int findDelimiter(byte[] delim, int from, int to) {
        for (int i = from; i + delim.length <= to; i++) {
            if ((i == from || b[i - 1] == '\n') && matches(delim, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matches(byte[] d, int i) {
        for (int k = 0; k < d.length; k++) {
            if (b[i + k] != d[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(int from, int to, String s) {
        if (to - from < s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[from + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
