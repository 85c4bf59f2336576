package org.turnladder.sip;

/** Reads header parameters of From/To values ({@code "Name" <sip:a@b;transport=tls>;tag=1234;epid=ab}). */
final class NameAddr {

    private NameAddr() {
    }

    /** The {@code tag} header parameter, {@code null} if absent (URI parameters inside {@code <>} do not count). */
    static String tag(String value) {
        if (value == null) {
            return null;
        }
        int i = 0;
        int n = value.length();
        // skip a quoted display name, then an <addr-spec>; header parameters follow
        while (i < n && value.charAt(i) == ' ') {
            i++;
        }
        if (i < n && value.charAt(i) == '"') {
            i++;
            while (i < n && value.charAt(i) != '"') {
                i += value.charAt(i) == '\\' ? 2 : 1;
            }
            i++;
        }
        int lt = i < n ? value.indexOf('<', i) : -1;
        int paramsFrom;
        if (lt >= 0) {
            int gt = value.indexOf('>', lt);
            if (gt < 0) {
                return null;
            }
            paramsFrom = gt + 1;
        } else {
            paramsFrom = Math.min(i, n);
        }
        int semi = value.indexOf(';', paramsFrom);
        while (semi >= 0) {
            int end = value.indexOf(';', semi + 1);
            String param = (end < 0 ? value.substring(semi + 1) : value.substring(semi + 1, end)).trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("tag")) {
                return param.substring(eq + 1).trim();
            }
            semi = end;
        }
        return null;
    }
}
