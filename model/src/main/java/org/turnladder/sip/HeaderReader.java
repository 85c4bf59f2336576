package org.turnladder.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a block of {@code name: value} lines up to the empty line, for the message head and for multipart parts.
 * Understands folded continuation lines (leading SP/HT, RFC 3261 §7.3.1), CRLF or bare-LF line ends, and expands
 * compact names.
 */
final class HeaderReader {

    private final byte[] b;
    private final int msgStart;
    private final List<SipHeader> out;
    private final List<String> warnings;

    /** The header being collected (it may still get continuation lines). */
    private int hStart = -1;
    private int hEnd;
    private String hName;
    private StringBuilder hFolded;
    private int hValueStart;

    private HeaderReader(byte[] b, int msgStart, List<SipHeader> out, List<String> warnings) {
        this.b = b;
        this.msgStart = msgStart;
        this.out = out;
        this.warnings = warnings;
    }

    /**
     * Reads headers from {@code from} (absolute index) and appends them to {@code out}.
     *
     * @return the absolute index just past the empty line, or {@code -1} if the bytes ran out first (then every line
     * up to {@code to} was read as a header)
     */
    static int read(byte[] b, int from, int to, int msgStart, List<SipHeader> out, List<String> warnings) {
        return new HeaderReader(b, msgStart, out, warnings).run(from, to);
    }

    private int run(int from, int to) {
        int i = from;
        while (i < to) {
            int lf = i;
            while (lf < to && b[lf] != '\n') {
                lf++;
            }
            int next = lf < to ? lf + 1 : to;
            int e = lf;
            if (e > i && b[e - 1] == '\r') {
                e--;
            }
            if (e == i) {
                flush();
                return next;
            }
            if (b[i] == ' ' || b[i] == '\t') {
                continuation(i, e);
            } else {
                flush();
                start(i, e);
            }
            i = next;
        }
        flush();
        return -1;
    }

    private void start(int s, int e) {
        int colon = s;
        while (colon < e && b[colon] != ':') {
            colon++;
        }
        if (colon == e) {
            warnings.add("header line without a colon ignored: " + abbreviate(text(s, e)));
            return;
        }
        int nameEnd = colon;
        while (nameEnd > s && (b[nameEnd - 1] == ' ' || b[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        String name = text(s, nameEnd);
        if (name.isEmpty() || !isToken(s, nameEnd)) {
            warnings.add("header name is not a token: \"" + abbreviate(name) + "\"");
        }
        hStart = s;
        hName = SipHeaderNames.expand(name);
        hValueStart = colon + 1;
        hEnd = trimEnd(colon + 1, e);
        hFolded = null;
    }

    private void continuation(int s, int e) {
        if (hStart < 0) {
            warnings.add("continuation line without a header ignored: " + abbreviate(text(s, e).trim()));
            return;
        }
        String piece = text(s, e).trim();
        if (hFolded == null) {
            hFolded = new StringBuilder(text(hValueStart, hEnd).trim());
        }
        if (!piece.isEmpty()) {
            if (hFolded.length() > 0) {
                hFolded.append(' ');
            }
            hFolded.append(piece);
            hEnd = trimEnd(s, e);
        }
    }

    private void flush() {
        if (hStart < 0) {
            return;
        }
        String value = hFolded != null ? hFolded.toString() : text(hValueStart, hEnd).trim();
        int valueEnd = Math.max(hEnd, hValueStart);
        out.add(new SipHeader(hName, value, hStart - msgStart, valueEnd - hStart));
        hStart = -1;
    }

    private int trimEnd(int s, int e) {
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        return e;
    }

    /** RFC 3261 token characters. */
    private boolean isToken(int s, int e) {
        for (int k = s; k < e; k++) {
            int c = b[k] & 0xFF;
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String text(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
