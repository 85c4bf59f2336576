package org.turnladder.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.turnladder.decode.Field;

/**
 * Parses an SDP body (RFC 4566) line by line. Never throws: unreadable lines become warnings and are skipped.
 * Lines may end in CRLF or a bare LF (SIP copied out of logs).
 */
public final class SdpParser {

    private final byte[] b;
    private final int base;
    private final List<String> warnings = new ArrayList<>();
    private final List<Field> sessionFields = new ArrayList<>();

    private int version = -1;
    private SdpOrigin origin;
    private String sessionName;
    private String sessionConnection;
    private final List<SdpBandwidth> sessionBandwidths = new ArrayList<>();
    private final List<SdpAttribute> sessionAttributes = new ArrayList<>();
    private final List<MediaBuilder> media = new ArrayList<>();
    private MediaBuilder current;

    private SdpParser(byte[] b, int base) {
        this.b = b;
        this.base = base;
    }

    /** Parses a standalone SDP (offsets relative to its first byte). */
    public static SdpSession parse(byte[] sdp) {
        return parse(sdp, 0, sdp.length, 0);
    }

    /**
     * Parses {@code len} bytes of SDP at {@code buf[off]}.
     *
     * @param baseOffset where {@code buf[off]} lies relative to the message's first byte, so that offsets of lines,
     *                   attributes and fields are message-relative
     */
    public static SdpSession parse(byte[] buf, int off, int len, int baseOffset) {
        String clamped = null;
        if (buf == null) {
            buf = new byte[0];
        }
        if (off < 0 || len < 0 || off > buf.length || len > buf.length - off) {
            clamped = "SDP range " + off + "+" + len + " outside the " + buf.length + "-byte buffer: clamped";
            off = Math.max(0, Math.min(off, buf.length));
            len = Math.max(0, Math.min(len, buf.length - off));
        }
        SdpParser p = new SdpParser(buf, baseOffset - off);
        if (clamped != null) {
            p.warnings.add(clamped);
        }
        int end = off + len;
        int i = off;
        boolean first = true;
        while (i < end) {
            int lf = i;
            while (lf < end && buf[lf] != '\n') {
                lf++;
            }
            int e = lf;
            while (e > i && (buf[e - 1] == '\r' || buf[e - 1] == ' ' || buf[e - 1] == '\t')) {
                e--;
            }
            if (e > i) {
                if (first && !(buf[i] == 'v' && e > i + 1 && buf[i + 1] == '=')) {
                    p.warnings.add("SDP does not start with v=");
                }
                first = false;
                p.line(i, e);
            }
            i = lf + 1;
        }
        return p.build(baseOffset, len);
    }

    private void line(int s, int e) {
        int rel = s + base;
        char type = (char) (b[s] & 0xFF);
        if (e - s < 2 || b[s + 1] != '=' || type < 'a' || type > 'z') {
            String text = text(s, e);
            warnings.add("not an SDP line, skipped: " + abbreviate(text));
            addField(Field.leaf("Unreadable line", text, rel, e - s));
            return;
        }
        String value = text(s + 2, e);
        switch (type) {
            case 'v' -> {
                version = IceCandidateParser.parseInt(value.trim(), 0, Integer.MAX_VALUE);
                if (version < 0) {
                    warnings.add("v= is not a number: " + value);
                }
            }
            case 'o' -> origin(value);
            case 's' -> sessionName = value;
            case 'c' -> connection(value);
            case 'b' -> bandwidth(value);
            case 'm' -> startMedia(value, s, e);
            case 'a' -> attribute(value, s, e);
            default -> {
            }
        }
        if (type != 'm') {
            addField(Field.leaf(label(type), value, rel, e - s));
        }
    }

    private void addField(Field f) {
        if (current != null) {
            current.fields.add(f);
            current.end = f.offset() + f.length();
        } else {
            sessionFields.add(f);
        }
    }

    private void origin(String value) {
        String[] t = value.trim().split("[ \t]+");
        if (current != null) {
            warnings.add("o= inside a media section ignored");
        } else if (t.length == 6) {
            origin = new SdpOrigin(t[0], t[1], t[2], t[3], t[4], t[5]);
        } else {
            warnings.add("o= does not have 6 fields: " + value);
        }
    }

    private void connection(String value) {
        String[] t = value.trim().split("[ \t]+");
        if (t.length != 3) {
            warnings.add("c= does not have 3 fields: " + value);
            return;
        }
        int slash = t[2].indexOf('/');
        String address = slash < 0 ? t[2] : t[2].substring(0, slash);
        if (current != null) {
            current.connection = address;
        } else {
            sessionConnection = address;
        }
    }

    private void bandwidth(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            warnings.add("b= is not <type>:<value>: " + value);
            return;
        }
        long v = IceCandidateParser.parseLong(value.substring(colon + 1).trim(), 0, Long.MAX_VALUE / 10);
        SdpBandwidth bw = new SdpBandwidth(value.substring(0, colon).trim(), v);
        (current != null ? current.bandwidths : sessionBandwidths).add(bw);
    }

    private void startMedia(String value, int s, int e) {
        int rel = s + base;
        MediaBuilder m = new MediaBuilder(rel);
        m.mField = Field.leaf("Media (m)", value, rel, e - s);
        m.end = rel + (e - s);
        String[] t = value.trim().split("[ \t]+");
        if (t.length < 3) {
            warnings.add("m= needs <media> <port> <proto> <fmt>: " + value);
        }
        m.type = t.length > 0 ? t[0] : "";
        if (t.length > 1) {
            String port = t[1];
            int slash = port.indexOf('/');
            if (slash >= 0) {
                m.portCount = IceCandidateParser.parseInt(port.substring(slash + 1), 0, 65535);
                port = port.substring(0, slash);
            }
            m.port = IceCandidateParser.parseInt(port, 0, 65535);
            if (m.port < 0 || m.portCount < 0) {
                warnings.add("m= port is not a port: " + t[1]);
            }
        }
        m.proto = t.length > 2 ? t[2] : "";
        for (int k = 3; k < t.length; k++) {
            m.formats.add(t[k]);
        }
        media.add(m);
        current = m;
    }

    private void attribute(String value, int s, int e) {
        int colon = value.indexOf(':');
        String name = (colon < 0 ? value : value.substring(0, colon)).trim();
        String v = colon < 0 ? "" : value.substring(colon + 1).strip();
        int rel = s + base;
        SdpAttribute a = new SdpAttribute(name, v, rel, e - s);
        if (current == null) {
            sessionAttributes.add(a);
            return;
        }
        current.attributes.add(a);
        String raw = text(s, e);
        switch (name.toLowerCase(Locale.ROOT)) {
            case "candidate", "x-candidate-ipv6" -> {
                IceCandidate c = IceCandidateParser.parse(name, v, raw, rel, e - s, warnings);
                if (c != null) {
                    current.candidates.add(c);
                }
            }
            case "remote-candidates" -> remoteCandidates(v);
            case "rtpmap" -> rtpmap(v);
            default -> {
            }
        }
    }

    private void remoteCandidates(String v) {
        String[] t = v.trim().split("[ \t]+");
        if (t.length % 3 != 0) {
            warnings.add("a=remote-candidates is not a list of <component> <address> <port>: " + v);
        }
        for (int k = 0; k + 2 < t.length; k += 3) {
            int comp = IceCandidateParser.parseInt(t[k], 0, 65535);
            int port = IceCandidateParser.parseInt(t[k + 2], 0, 65535);
            if (comp < 0 || port < 0) {
                warnings.add("a=remote-candidates entry skipped: " + t[k] + " " + t[k + 1] + " " + t[k + 2]);
            } else {
                current.remoteCandidates.add(new RemoteCandidate(comp, t[k + 1], port));
            }
        }
    }

    private void rtpmap(String v) {
        String[] t = v.trim().split("[ \t]+", 2);
        int pt = IceCandidateParser.parseInt(t[0], 0, 127);
        if (pt < 0 || t.length < 2) {
            warnings.add("a=rtpmap is not <pt> <encoding>/<clock>: " + v);
            return;
        }
        String[] enc = t[1].trim().split("/", 3);
        int clock = enc.length > 1 ? IceCandidateParser.parseInt(enc[1], 0, Integer.MAX_VALUE) : -1;
        current.rtpmaps.add(new RtpMap(pt, enc[0], clock, enc.length > 2 ? enc[2] : null));
    }

    private SdpSession build(int offset, int length) {
        String ufrag = attr(sessionAttributes, "ice-ufrag");
        String pwd = attr(sessionAttributes, "ice-pwd");
        List<SdpMedia> out = new ArrayList<>(media.size());
        List<Field> fields = new ArrayList<>(sessionFields);
        for (MediaBuilder m : media) {
            out.add(m.build(sessionConnection, ufrag, pwd));
            List<Field> children = new ArrayList<>(m.fields.size() + 1);
            children.add(m.mField);
            children.addAll(m.fields);
            fields.add(new Field("Media Description", m.mField.value(), m.offset, m.end - m.offset, children));
        }
        if (version < 0 && origin == null && media.isEmpty() && warnings.isEmpty()) {
            warnings.add("empty SDP");
        }
        return new SdpSession(version, origin, sessionName, sessionConnection, sessionBandwidths,
                sessionAttributes, ufrag, pwd, out, offset, length, fields, warnings);
    }

    static String attr(List<SdpAttribute> attributes, String name) {
        for (SdpAttribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                return a.value();
            }
        }
        return null;
    }

    private String text(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static String label(char type) {
        return switch (type) {
            case 'v' -> "Version (v)";
            case 'o' -> "Origin (o)";
            case 's' -> "Session Name (s)";
            case 'i' -> "Information (i)";
            case 'u' -> "URI (u)";
            case 'e' -> "Email (e)";
            case 'p' -> "Phone (p)";
            case 'c' -> "Connection (c)";
            case 'b' -> "Bandwidth (b)";
            case 't' -> "Time (t)";
            case 'r' -> "Repeat Times (r)";
            case 'z' -> "Time Zones (z)";
            case 'k' -> "Encryption Key (k)";
            case 'a' -> "Attribute (a)";
            default -> "Line (" + type + ")";
        };
    }

    /** Collects one media section while its lines are read. */
    private static final class MediaBuilder {
        final int offset;
        int end;
        Field mField;
        String type = "";
        int port = -1;
        int portCount = 1;
        String proto = "";
        final List<String> formats = new ArrayList<>();
        String connection;
        final List<SdpBandwidth> bandwidths = new ArrayList<>();
        final List<SdpAttribute> attributes = new ArrayList<>();
        final List<IceCandidate> candidates = new ArrayList<>();
        final List<RemoteCandidate> remoteCandidates = new ArrayList<>();
        final List<RtpMap> rtpmaps = new ArrayList<>();
        final List<Field> fields = new ArrayList<>();

        MediaBuilder(int offset) {
            this.offset = offset;
        }

        SdpMedia build(String sessionConnection, String sessionUfrag, String sessionPwd) {
            String ufrag = attr(attributes, "ice-ufrag");
            String pwd = attr(attributes, "ice-pwd");
            return new SdpMedia(type, port, portCount, proto, formats,
                    connection != null ? connection : sessionConnection, bandwidths, attributes, candidates,
                    remoteCandidates, rtpmaps, ufrag != null ? ufrag : sessionUfrag, pwd != null ? pwd : sessionPwd,
                    attr(attributes, "x-applicationsharing-session-id"), attr(attributes, "x-applicationsharing-role"),
                    attr(attributes, "x-applicationsharing-media-type"),
                    attr(attributes, "x-applicationsharing-contentflow"), attr(attributes, "setup"),
                    attr(attributes, "connection"), attr(attributes, "label"), offset, end - offset);
        }
    }
}
