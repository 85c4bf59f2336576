package org.turnladder.sip;

/**
 * Finds SIP messages in a byte stream (TCP) or recognises one in a datagram (UDP), without allocating.
 *
 * <p>A stream position is SIP when it starts with a request line ({@code METHOD SP scheme:uri SP SIP/2.0}, the method
 * being an upper-case token so unknown methods pass) or a status line ({@code SIP/2.0 SP 3DIGIT SP reason}). The
 * message then runs to the empty line that ends the header block plus the Content-Length body (compact {@code l:}
 * understood; no Content-Length on a stream means an empty body, RFC 3261 §18.3 makes it mandatory there).
 *
 * <p>Bounds, so that a stream reassembler never buffers without end on hostile or misread data:
 * <ul>
 *   <li>a header block (start line included) longer than {@link #MAX_HEADER_BLOCK} without its empty line is not
 *   SIP ({@code -1});</li>
 *   <li>a Content-Length above {@link #MAX_BODY} is treated as not SIP ({@code -1}), as is one that is not a number.
 *   Real SIP bodies (SDP, multipart SDP, conference XML) are a few KiB; waiting for a claimed 999999999 bytes
 *   would only stall the stream, and the caller's resync logic copes better with a clear "no".</li>
 * </ul>
 */
public final class SipFraming {

    /** Longest accepted header block, start line and final empty line included. */
    public static final int MAX_HEADER_BLOCK = 64 * 1024;
    /** Largest accepted Content-Length. */
    public static final int MAX_BODY = 1024 * 1024;
    /** {@link #messageLength} verdict: these bytes do not start a SIP message. */
    public static final int NOT_SIP = -1;
    /** {@link #messageLength} verdict: could be SIP, more bytes are needed. */
    public static final int INCOMPLETE = 0;

    private static final byte[] SIP_VERSION = {'S', 'I', 'P', '/', '2', '.', '0'};
    private static final int MAX_METHOD = 32;
    private static final int MAX_SCHEME = 16;

    private SipFraming() {
    }

    /**
     * Length of the SIP message starting at {@code off}: {@link #NOT_SIP} ({@code -1}) if it cannot be one,
     * {@link #INCOMPLETE} ({@code 0}) if it could be but the header block or the body is not all there yet, else the
     * total length (headers, empty line and Content-Length body).
     */
    public static int messageLength(byte[] buf, int off, int avail) {
        if (buf == null || off < 0 || avail <= 0 || off > buf.length) {
            return INCOMPLETE;
        }
        avail = Math.min(avail, buf.length - off);
        int lineEnd = startLineLength(buf, off, avail);
        if (lineEnd <= 0) {
            return lineEnd;
        }
        int headerEnd = headerBlockEnd(buf, off, avail, lineEnd);
        if (headerEnd <= 0) {
            return headerEnd;
        }
        long body = contentLength(buf, off + lineEnd, off + headerEnd);
        if (body < 0 || body > MAX_BODY) {
            return NOT_SIP;
        }
        long total = headerEnd + body;
        return total <= avail ? (int) total : INCOMPLETE;
    }

    /** Number of CR/LF bytes at {@code off}: keep-alive pings ({@code "\r\n\r\n"}, RFC 5626 §3.5.1) to skip. */
    public static int keepAliveLength(byte[] buf, int off, int avail) {
        if (buf == null || off < 0 || avail <= 0 || off >= buf.length) {
            return 0;
        }
        int end = off + Math.min(avail, buf.length - off);
        int i = off;
        while (i < end && (buf[i] == '\r' || buf[i] == '\n')) {
            i++;
        }
        return i - off;
    }

    /** Whether a datagram starts with a complete, well-formed SIP request or status line. */
    public static boolean looksLikeSip(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len <= 0 || off > buf.length) {
            return false;
        }
        return startLineLength(buf, off, Math.min(len, buf.length - off)) > 0;
    }

    /**
     * Length of the start line including its line end: {@code -1} if it is not a SIP start line, {@code 0} if the
     * bytes present are a valid beginning of one.
     */
    static int startLineLength(byte[] b, int off, int avail) {
        int limit = Math.min(avail, MAX_HEADER_BLOCK);
        int matched = 0;
        while (matched < SIP_VERSION.length && matched < avail && b[off + matched] == SIP_VERSION[matched]) {
            matched++;
        }
        if (matched == Math.min(avail, SIP_VERSION.length)) {
            if (avail <= SIP_VERSION.length) {
                return INCOMPLETE; // "SIP/2.0" or a prefix of it, status line or a method starting "SIP"
            }
            return statusLine(b, off, avail, limit);
        }
        if (matched >= 4) {
            return NOT_SIP; // "SIP/" then something other than "2.0": '/' cannot be in a method token
        }
        return requestLine(b, off, avail, limit);
    }

    private static int statusLine(byte[] b, int off, int avail, int limit) {
        int i = SIP_VERSION.length;
        if (b[off + i] != ' ') {
            return NOT_SIP;
        }
        i++;
        for (int d = 0; d < 3; d++, i++) {
            if (i >= avail) {
                return INCOMPLETE;
            }
            int c = b[off + i];
            if (c < '0' || c > '9' || (d == 0 && (c < '1' || c > '6'))) {
                return NOT_SIP;
            }
        }
        if (i >= avail) {
            return INCOMPLETE;
        }
        int c = b[off + i];
        if (c == '\r' || c == '\n') {
            return lineEnd(b, off, avail, i); // reason phrase missing: tolerated
        }
        if (c != ' ') {
            return NOT_SIP;
        }
        return textToLineEnd(b, off, avail, limit, i + 1);
    }

    private static int requestLine(byte[] b, int off, int avail, int limit) {
        int i = 0;
        while (true) {
            if (i >= avail) {
                return INCOMPLETE;
            }
            int c = b[off + i];
            if (c == ' ' && i > 0) {
                break;
            }
            boolean ok = (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '_'));
            if (!ok || i >= MAX_METHOD) {
                return NOT_SIP;
            }
            i++;
        }
        i++;
        int schemeStart = i;
        while (true) { // URI scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
            if (i >= avail) {
                return INCOMPLETE;
            }
            int c = b[off + i];
            if (c == ':' && i > schemeStart) {
                break;
            }
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean ok = alpha || (i > schemeStart && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok || i - schemeStart >= MAX_SCHEME) {
                return NOT_SIP;
            }
            i++;
        }
        i++;
        while (true) { // rest of the URI: visible ASCII
            if (i >= limit) {
                return i >= MAX_HEADER_BLOCK ? NOT_SIP : INCOMPLETE;
            }
            int c = b[off + i] & 0xFF;
            if (c == ' ') {
                break;
            }
            if (c < 0x21 || c > 0x7E) {
                return NOT_SIP;
            }
            i++;
        }
        i++;
        for (byte v : SIP_VERSION) {
            if (i >= avail) {
                return INCOMPLETE;
            }
            if (b[off + i] != v) {
                return NOT_SIP;
            }
            i++;
        }
        return lineEnd(b, off, avail, i);
    }

    /** Reason phrase: any text but control characters (HT allowed), up to the line end. */
    private static int textToLineEnd(byte[] b, int off, int avail, int limit, int i) {
        while (true) {
            if (i >= limit) {
                return i >= MAX_HEADER_BLOCK ? NOT_SIP : INCOMPLETE;
            }
            int c = b[off + i] & 0xFF;
            if (c == '\r' || c == '\n') {
                return lineEnd(b, off, avail, i);
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return NOT_SIP;
            }
            i++;
        }
    }

    /** At a CR or LF ending a start line: CRLF (or a bare LF, as in logs) ends it; a bare CR does not. */
    private static int lineEnd(byte[] b, int off, int avail, int i) {
        if (i >= avail) {
            return INCOMPLETE;
        }
        if (b[off + i] == '\n') {
            return i + 1;
        }
        if (b[off + i] != '\r') {
            return NOT_SIP;
        }
        if (i + 1 >= avail) {
            return INCOMPLETE;
        }
        return b[off + i + 1] == '\n' ? i + 2 : NOT_SIP;
    }

    /**
     * End of the header block (relative to {@code off}, just past the empty line), {@code 0} if not yet present,
     * {@code -1} if absent within {@link #MAX_HEADER_BLOCK}. {@code startLineEnd} is just past the start line's LF.
     */
    static int headerBlockEnd(byte[] b, int off, int avail, int startLineEnd) {
        int limit = Math.min(avail, MAX_HEADER_BLOCK);
        // every header line ends with LF; the block ends at an LF followed by LF or CRLF
        for (int i = startLineEnd - 1; i < limit; i++) {
            if (b[off + i] != '\n') {
                continue;
            }
            if (i + 1 < limit && b[off + i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < limit && b[off + i + 1] == '\r' && b[off + i + 2] == '\n') {
                return i + 3;
            }
        }
        return avail >= MAX_HEADER_BLOCK ? NOT_SIP : INCOMPLETE;
    }

    /**
     * Value of the first Content-Length (or {@code l}) header in {@code [from, to)} (absolute indices, whole header
     * lines), {@code 0} if there is none, {@code -1} if it is not a number. Stops reading digits past the cap.
     */
    static long contentLength(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int valueStart = headerValueStart(b, i, to);
            int lineEnd = indexOf(b, i, to, (byte) '\n');
            int next = lineEnd < 0 ? to : lineEnd + 1;
            if (valueStart >= 0) {
                return parseLength(b, valueStart, to);
            }
            i = next;
        }
        return 0;
    }

    /** If the line at {@code i} is a Content-Length header, where its value starts; else {@code -1}. */
    private static int headerValueStart(byte[] b, int i, int to) {
        int nameEnd;
        if (regionMatchesIgnoreCase(b, i, to, "content-length")) {
            nameEnd = i + 14;
        } else if (i < to && (b[i] == 'l' || b[i] == 'L')) {
            nameEnd = i + 1;
        } else {
            return -1;
        }
        while (nameEnd < to && (b[nameEnd] == ' ' || b[nameEnd] == '\t')) {
            nameEnd++;
        }
        return nameEnd < to && b[nameEnd] == ':' ? nameEnd + 1 : -1;
    }

    /** Digits after optional white space, folding allowed, then only white space to the end of the header. */
    private static long parseLength(byte[] b, int i, int to) {
        long value = 0;
        int digits = 0;
        boolean done = false;
        for (; i < to; i++) {
            int c = b[i];
            if (c == '\n') {
                // header continues only on a folded line (next line starts with SP/HT)
                if (i + 1 >= to || (b[i + 1] != ' ' && b[i + 1] != '\t')) {
                    break;
                }
                done = digits > 0;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                done = digits > 0;
                continue;
            }
            if (c < '0' || c > '9' || done) {
                return -1;
            }
            if (value <= MAX_BODY) { // keep reading digits, but never overflow
                value = value * 10 + (c - '0');
            }
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    private static boolean regionMatchesIgnoreCase(byte[] b, int i, int to, String lower) {
        if (to - i < lower.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            int c = b[i + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, byte v) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
