package org.turnladder.analysis.roles;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.turnladder.net.Addresses;

/** Numeric IP addresses in text (SDP, Via, Record-Route, the user's overrides), read without any name lookup. */
final class IpText {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.-]+)?");

    private IpText() {
    }

    /**
     * The address bytes of a numeric IPv4 or IPv6 address (brackets allowed), or null for a host name, a malformed
     * address or the unspecified address (0.0.0.0, ::), which names no box.
     */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        byte[] b = null;
        var m = V4.matcher(s);
        if (m.matches()) {
            b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(m.group(i + 1));
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
        } else if (s.indexOf(':') >= 0 && V6.matcher(s).matches()) {
            int pct = s.indexOf('%');
            if (pct >= 0) {
                s = s.substring(0, pct);
            }
            try {
                // a string with ':' is only ever taken as an IPv6 literal: no DNS lookup happens
                b = InetAddress.getByName("[" + s + "]").getAddress();
            } catch (UnknownHostException | IllegalArgumentException e) {
                return null;
            }
        }
        if (b == null || isZero(b)) {
            return null;
        }
        return b;
    }

    /** The canonical text ({@link Addresses#format}) of a numeric address, or null. */
    static String canonical(String text) {
        byte[] b = parse(text);
        return b == null ? null : Addresses.format(b);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
