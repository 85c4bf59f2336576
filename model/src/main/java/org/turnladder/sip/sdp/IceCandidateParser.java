package org.turnladder.sip.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads candidate attribute values in the RFC 5245 / MS-ICE2 / RFC 6544 form and the MS-ICE v1 form. */
final class IceCandidateParser {

    private IceCandidateParser() {
    }

    /**
     * The candidate in {@code value}, or {@code null} with a warning if the line is malformed.
     *
     * @param attribute {@code candidate} or {@code x-candidate-ipv6}
     * @param raw       the whole line, kept verbatim
     */
    static IceCandidate parse(String attribute, String value, String raw, int offset, int length,
                              List<String> warnings) {
        String[] t = value.trim().split("[ \t]+");
        boolean ipv6Attribute = attribute.equalsIgnoreCase("x-candidate-ipv6");
        if (t.length >= 8 && t[6].equalsIgnoreCase("typ")) {
            return standard(t, ipv6Attribute, raw, offset, length, warnings);
        }
        if (t.length == 7 && isLegacyTransport(t[3]) && t[4].indexOf('.') >= 0) {
            return legacy(t, ipv6Attribute, raw, offset, length, warnings);
        }
        warnings.add("malformed candidate skipped: " + raw.strip());
        return null;
    }

    private static IceCandidate standard(String[] t, boolean ipv6Attribute, String raw, int offset, int length,
                                         List<String> warnings) {
        int component = parseInt(t[1], 0, 65535);
        long priority = parseLong(t[3], 0, 0xFFFFFFFFL);
        int port = parseInt(t[5], 0, 65535);
        if (component < 0 || priority < 0 || port < 0) {
            warnings.add("candidate with a bad component, priority or port skipped: " + raw.strip());
            return null;
        }
        String raddr = null;
        Integer rport = null;
        Map<String, String> ext = new LinkedHashMap<>();
        for (int k = 8; k < t.length; k += 2) {
            String name = t[k];
            String val = k + 1 < t.length ? t[k + 1] : "";
            if (name.equalsIgnoreCase("raddr")) {
                raddr = val;
            } else if (name.equalsIgnoreCase("rport")) {
                int p = parseInt(val, 0, 65535);
                if (p < 0) {
                    warnings.add("candidate rport is not a port: " + val);
                } else {
                    rport = p;
                }
            } else {
                ext.putIfAbsent(name, val);
            }
        }
        String transport = t[2];
        return new IceCandidate(t[0], component, transport, tcpType(transport, ext), priority, t[4], port, t[7],
                raddr, rport, ipv6Attribute || t[4].indexOf(':') >= 0, false, ext, raw, offset, length);
    }

    private static IceCandidate legacy(String[] t, boolean ipv6Attribute, String raw, int offset, int length,
                                       List<String> warnings) {
        int component = parseInt(t[1], 0, 65535);
        int port = parseInt(t[6], 0, 65535);
        if (component < 0 || port < 0) {
            warnings.add("MS-ICE v1 candidate with a bad component or port skipped: " + raw.strip());
            return null;
        }
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("username", t[0]);
        ext.put("password", t[2]);
        ext.put("preference", t[4]);
        return new IceCandidate(t[0], component, t[3], TcpType.NONE, 0, t[5], port, "", null, null,
                ipv6Attribute || t[5].indexOf(':') >= 0, true, ext, raw, offset, length);
    }

    static TcpType tcpType(String transport, Map<String, String> ext) {
        switch (transport.toUpperCase(Locale.ROOT)) {
            case "TCP-ACT":
                return TcpType.ACTIVE;
            case "TCP-PASS":
                return TcpType.PASSIVE;
            case "TCP-SO":
                return TcpType.SO;
            case "TCP":
                for (Map.Entry<String, String> e : ext.entrySet()) {
                    if (e.getKey().equalsIgnoreCase("tcptype")) {
                        return switch (e.getValue().toLowerCase(Locale.ROOT)) {
                            case "active" -> TcpType.ACTIVE;
                            case "passive" -> TcpType.PASSIVE;
                            case "so" -> TcpType.SO;
                            default -> TcpType.NONE;
                        };
                    }
                }
                return TcpType.NONE;
            default:
                return TcpType.NONE;
        }
    }

    private static boolean isLegacyTransport(String s) {
        return s.equalsIgnoreCase("UDP") || s.equalsIgnoreCase("TCP");
    }

    /** Non-negative int in [min, max], else -1. */
    static int parseInt(String s, int min, int max) {
        long v = parseLong(s, min, max);
        return (int) v;
    }

    /** Non-negative decimal in [min, max], else -1. */
    static long parseLong(String s, long min, long max) {
        if (s.isEmpty() || s.length() > 12) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < min || v > max ? -1 : v;
    }
}
