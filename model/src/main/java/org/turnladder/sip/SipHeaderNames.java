package org.turnladder.sip;

import java.util.Locale;

/** SIP header name rules: compact forms (RFC 3261 §7.3.3 and the IANA registry) and case-insensitive matching. */
public final class SipHeaderNames {

    private static final String[] COMPACT = new String[26];

    static {
        COMPACT['a' - 'a'] = "Accept-Contact";
        COMPACT['b' - 'a'] = "Referred-By";
        COMPACT['c' - 'a'] = "Content-Type";
        COMPACT['d' - 'a'] = "Request-Disposition";
        COMPACT['e' - 'a'] = "Content-Encoding";
        COMPACT['f' - 'a'] = "From";
        COMPACT['i' - 'a'] = "Call-ID";
        COMPACT['j' - 'a'] = "Reject-Contact";
        COMPACT['k' - 'a'] = "Supported";
        COMPACT['l' - 'a'] = "Content-Length";
        COMPACT['m' - 'a'] = "Contact";
        COMPACT['n' - 'a'] = "Identity-Info";
        COMPACT['o' - 'a'] = "Event";
        COMPACT['r' - 'a'] = "Refer-To";
        COMPACT['s' - 'a'] = "Subject";
        COMPACT['t' - 'a'] = "To";
        COMPACT['u' - 'a'] = "Allow-Events";
        COMPACT['v' - 'a'] = "Via";
        COMPACT['x' - 'a'] = "Session-Expires";
        COMPACT['y' - 'a'] = "Identity";
    }

    private SipHeaderNames() {
    }

    /** The long form of a one-letter compact name ({@code i} → {@code Call-ID}); any other name unchanged. */
    public static String expand(String name) {
        if (name.length() == 1) {
            char c = Character.toLowerCase(name.charAt(0));
            if (c >= 'a' && c <= 'z' && COMPACT[c - 'a'] != null) {
                return COMPACT[c - 'a'];
            }
        }
        return name;
    }

    /** Whether two header names denote the same header (case-insensitive, compact forms expanded). */
    public static boolean same(String a, String b) {
        return expand(a).equalsIgnoreCase(expand(b));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
