package org.turnladder.sip;

import java.util.Locale;

/** A Content-Type value split into its lower-case {@code type/subtype} and the parameters it is read for. */
record MediaType(String type, String boundary) {

    static final MediaType NONE = new MediaType("", null);

    /** {@code multipart/alternative;boundary="----=_NextPart_000"} → type and boundary (quotes removed). */
    static MediaType parse(String value) {
        if (value == null) {
            return NONE;
        }
        int semi = value.indexOf(';');
        String type = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        String boundary = null;
        int i = semi;
        while (i >= 0 && i < value.length()) {
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = value.substring(i + 1, eq).trim();
            int vs = eq + 1;
            while (vs < value.length() && value.charAt(vs) == ' ') {
                vs++;
            }
            String v;
            int next;
            if (vs < value.length() && value.charAt(vs) == '"') {
                int close = value.indexOf('"', vs + 1);
                v = close < 0 ? value.substring(vs + 1) : value.substring(vs + 1, close);
                next = close < 0 ? value.length() : value.indexOf(';', close);
            } else {
                next = value.indexOf(';', vs);
                v = (next < 0 ? value.substring(vs) : value.substring(vs, next)).trim();
            }
            if (name.equalsIgnoreCase("boundary") && boundary == null) {
                boundary = v;
            }
            i = next;
        }
        return new MediaType(type, boundary);
    }

    boolean isMultipart() {
        return type.startsWith("multipart/");
    }

    boolean isSdp() {
        return type.equals("application/sdp");
    }
}
