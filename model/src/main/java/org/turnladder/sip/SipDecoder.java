package org.turnladder.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.turnladder.decode.Field;

/**
 * Decodes one SIP message (RFC 3261) from bytes. Never throws: anything malformed becomes a warning.
 *
 * <p>The bytes are one datagram or one message cut out of a stream by {@link SipFraming#messageLength}. The body
 * is the Content-Length bytes after the head when that many are present (extra bytes are reported and ignored, as
 * RFC 3261 §18.3 says for UDP); otherwise, or without Content-Length, the rest of the bytes.
 */
public final class SipDecoder {

    private static final String[] MANDATORY = {"Via", "From", "To", "Call-ID", "CSeq"};

    private final byte[] b;
    private final int start;
    private final int end;
    private final List<String> warnings = new ArrayList<>();

    private SipDecoder(byte[] b, int start, int end) {
        this.b = b;
        this.start = start;
        this.end = end;
    }

    /** Decodes {@code len} bytes at {@code buf[off]}; offsets in the result are relative to {@code off}. */
    public static SipMessage decode(byte[] buf, int off, int len) {
        if (buf == null) {
            buf = new byte[0];
        }
        List<String> early = new ArrayList<>(1);
        if (off < 0 || len < 0 || off > buf.length || len > buf.length - off) {
            early.add("decode range " + off + "+" + len + " outside the " + buf.length + "-byte buffer: clamped");
            off = Math.max(0, Math.min(off, buf.length));
            len = Math.max(0, Math.min(len, buf.length - off));
        }
        SipDecoder d = new SipDecoder(buf, off, off + len);
        d.warnings.addAll(early);
        try {
            return d.run();
        } catch (RuntimeException e) {
            // a last resort so that one odd message cannot stop a capture's decoding; the fuzz test looks for it
            List<String> w = new ArrayList<>(d.warnings);
            w.add(INTERNAL_ERROR + e);
            return new SipMessage(false, false, null, null, 0, null,
                    Field.leaf("Start-Line", "", 0, 0), List.of(), 0, 0, 0, len, "", List.of(), List.of(), -1, null,
                    w);
        }
    }

    /** Warning prefix of a decoder bug caught by the safety net. */
    static final String INTERNAL_ERROR = "internal decoder error: ";

    private SipMessage run() {
        int i = start;
        while (i < end && (b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i == end && end > start) {
            return new SipMessage(false, true, null, null, 0, null, Field.leaf("Keep-alive", "CRLF", 0, end - start),
                    List.of(), 0, end - start, 0, end - start, "", List.of(), List.of(), -1, null, warnings);
        }
        if (i > start) {
            warnings.add((i - start) + " CR/LF bytes before the start line");
        }
        if (i == end) {
            warnings.add("empty message");
        }
        // start line
        int lf = i;
        while (lf < end && b[lf] != '\n') {
            lf++;
        }
        int lineEnd = lf > i && b[lf - 1] == '\r' ? lf - 1 : lf;
        StartLine sl = StartLine.parse(b, i, lineEnd, start, warnings);
        int headersStart = lf < end ? lf + 1 : end;

        // header block
        List<SipHeader> headers = new ArrayList<>(24);
        int bodyStart;
        if (lf >= end) {
            bodyStart = end;
            if (i < end) {
                warnings.add("message ends in the start line");
            }
        } else {
            bodyStart = HeaderReader.read(b, headersStart, end, start, headers, warnings);
            if (bodyStart < 0) {
                bodyStart = end;
                warnings.add("header block not ended by an empty line (message truncated?)");
            }
        }
        if (sl.request() || sl.statusCode() > 0) {
            for (String name : MANDATORY) {
                if (find(headers, name) == null) {
                    warnings.add("missing mandatory header " + name);
                }
            }
        }

        // body
        int available = end - bodyStart;
        int bodyLength = available;
        String cl = find(headers, "Content-Length");
        if (cl != null) {
            long n = parseContentLength(cl);
            if (n < 0) {
                warnings.add("Content-Length is not a number: \"" + cl + "\"");
            } else if (n > available) {
                warnings.add("Content-Length " + n + " but only " + available + " body bytes present");
            } else {
                bodyLength = (int) n;
                if (n < available) {
                    warnings.add((available - n) + " bytes after the Content-Length body ignored");
                }
            }
        }
        int bodyEnd = bodyStart + bodyLength;
        String contentType = find(headers, "Content-Type");
        List<SipBodyPart> parts = BodyParser.parse(b, bodyStart, bodyEnd, start, contentType, warnings);
        for (SipBodyPart p : parts) {
            if (p.sdp() != null) {
                String prefix = parts.size() > 1 ? "SDP (part at " + p.offset() + "): " : "SDP: ";
                for (String w : p.sdp().warnings()) {
                    warnings.add(prefix + w);
                }
            }
        }

        // Microsoft diagnostics, CSeq
        List<MsDiagnostic> diags = new ArrayList<>(0);
        for (SipHeader h : headers) {
            if (MsDiagnosticParser.isDiagnosticHeader(h.name())) {
                diags.addAll(MsDiagnosticParser.parse(h.name(), h.value(), warnings));
            }
        }
        long cseqNumber = -1;
        String cseqMethod = null;
        String cseq = find(headers, "CSeq");
        if (cseq != null) {
            String[] t = cseq.trim().split("[ \t]+");
            cseqNumber = t.length == 2 ? parseNumber(t[0]) : -1;
            cseqMethod = t.length == 2 ? t[1] : null;
            if (cseqNumber < 0) {
                warnings.add("CSeq is not <number> <method>: \"" + cseq + "\"");
            } else if (sl.request() && !t[1].equals(sl.method())) {
                warnings.add("CSeq method " + t[1] + " differs from the request method " + sl.method());
            }
        }
        String bodyType = contentType == null ? "" : MediaType.parse(contentType).type();
        return new SipMessage(sl.request(), false, sl.method(), sl.uri(), sl.statusCode(), sl.reason(), sl.field(),
                headers, headersStart - start, bodyStart - start, bodyLength, bodyEnd - start, bodyType, parts, diags,
                cseqNumber, cseqMethod, warnings);
    }

    private static String find(List<SipHeader> headers, String name) {
        for (SipHeader h : headers) {
            if (h.is(name)) {
                return h.value();
            }
        }
        return null;
    }

    private static long parseContentLength(String v) {
        return parseNumber(v.trim());
    }

    /** A non-negative decimal of at most 10 digits, else -1. */
    private static long parseNumber(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The parsed start line with the field that shows it. */
    private record StartLine(boolean request, String method, String uri, int statusCode, String reason,
                             Field field) {

        static StartLine parse(byte[] b, int s, int e, int msgStart, List<String> warnings) {
            int rel = s - msgStart;
            String line = new String(b, s, e - s, StandardCharsets.UTF_8);
            int sp1 = indexOf(b, s, e, (byte) ' ');
            int sp2 = sp1 < 0 ? -1 : indexOf(b, sp1 + 1, e, (byte) ' ');
            if (line.startsWith("SIP/")) {
                int codeEnd = sp2 < 0 ? e : sp2;
                String version = text(b, s, sp1 < 0 ? e : sp1);
                String codeText = sp1 < 0 ? "" : text(b, sp1 + 1, codeEnd);
                String reason = sp2 < 0 ? "" : text(b, sp2 + 1, e);
                int code = codeText.length() == 3 ? (int) parseNumber(codeText) : -1;
                if (code < 100 || code > 699) {
                    warnings.add("status code is not 100-699: \"" + codeText + "\"");
                    code = 0;
                }
                if (!version.equals("SIP/2.0")) {
                    warnings.add("unexpected SIP version " + version);
                }
                List<Field> ch = new ArrayList<>(3);
                ch.add(Field.leaf("Version", version, rel, version.length() == 0 ? 0 : (sp1 < 0 ? e : sp1) - s));
                if (sp1 >= 0) {
                    ch.add(Field.leaf("Status-Code", codeText, sp1 + 1 - msgStart, codeEnd - sp1 - 1));
                }
                if (sp2 >= 0) {
                    ch.add(Field.leaf("Reason-Phrase", reason, sp2 + 1 - msgStart, e - sp2 - 1));
                }
                return new StartLine(false, null, null, code, reason, new Field("Status-Line", line, rel, e - s, ch));
            }
            int sp3 = sp2 < 0 ? -1 : indexOf(b, sp2 + 1, e, (byte) ' ');
            if (sp1 <= s || sp2 < 0 || sp3 >= 0 || !text(b, sp2 + 1, e).equals("SIP/2.0")
                    || !isMethod(b, s, sp1) || !hasScheme(b, sp1 + 1, sp2)) {
                warnings.add("not a SIP start line: \"" + HeaderReader.abbreviate(line) + "\"");
                return new StartLine(false, null, null, 0, null, Field.leaf("Start-Line", line, rel, e - s));
            }
            String method = text(b, s, sp1);
            String uri = text(b, sp1 + 1, sp2);
            List<Field> ch = List.of(Field.leaf("Method", method, rel, sp1 - s),
                    Field.leaf("Request-URI", uri, sp1 + 1 - msgStart, sp2 - sp1 - 1),
                    Field.leaf("Version", "SIP/2.0", sp2 + 1 - msgStart, e - sp2 - 1));
            return new StartLine(true, method, uri, 0, null, new Field("Request-Line", line, rel, e - s, ch));
        }

        /** An upper-case token, as {@link SipFraming} accepts. */
        private static boolean isMethod(byte[] b, int s, int e) {
            for (int i = s; i < e; i++) {
                int c = b[i];
                boolean ok = (c >= 'A' && c <= 'Z') || (i > s && ((c >= '0' && c <= '9') || c == '-' || c == '_'));
                if (!ok) {
                    return false;
                }
            }
            return e > s;
        }

        /** A URI with a scheme ({@code sip:}, {@code sips:}, {@code tel:}). */
        private static boolean hasScheme(byte[] b, int s, int e) {
            for (int i = s; i < e; i++) {
                int c = b[i];
                if (c == ':') {
                    return i > s;
                }
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                        || (i > s && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
                if (!ok) {
                    return false;
                }
            }
            return false;
        }

        private static String text(byte[] b, int s, int e) {
            return new String(b, s, e - s, StandardCharsets.UTF_8);
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
}
