package org.turnladder.analysis.ice;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** How findings name pair ends, counts, times and failures, in an engineer's words. */
final class Texts {
    private Texts() {
    }

    /** "127.0.0.5:40307 (ufrag hygp, offer candidate 3 (UDP host …) of call …)"; in relayed TCP "agent c7Hn (…)". */
    static String end(IcePair p, IceSide s) {
        StringJoiner about = new StringJoiner(", ", " (", ")").setEmptyValue("");
        String name;
        if (p.carrier() != null) {
            name = s.ufrag() != null ? "agent " + s.ufrag() : s.endpoint().toString();
            about.add("at the " + s.endpoint() + " end of the " + p.carrier().kind().text());
        } else {
            name = s.endpoint().toString();
            if (s.ufrag() != null) {
                about.add("ufrag " + s.ufrag());
            }
        }
        if (!s.candidates().isEmpty()) {
            about.add(s.candidates().get(0).describe());
        } else if (s.agent() != null) {
            about.add("ufrag from the " + s.agent().describe());
        }
        return name + about;
    }

    /** "127.0.0.5:40307", or "agent c7Hn" inside relayed TCP. */
    static String shortEnd(IcePair p, IceSide s) {
        return p.carrier() != null && s.ufrag() != null ? "agent " + s.ufrag() : s.endpoint().toString();
    }

    /** The agent behind an end: its ufrag when known, else its address. */
    static String agentName(IcePair p, IceSide s) {
        return s.ufrag() != null ? "agent " + s.ufrag() : s.endpoint().toString();
    }

    static String count(long n, String noun) {
        String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    /** "1.53 s", or "0.5 ms" below a second. */
    static String seconds(long nanos) {
        return nanos >= 1_000_000_000L ? String.format(Locale.ROOT, "%.2f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String frames(long first, long last) {
        return first == last ? "frame " + first : "frames " + first + "–" + last;
    }

    /** What became of the checks one way that never succeeded. */
    static String failure(IceDirection d) {
        StringBuilder sb = new StringBuilder(count(d.requests(), "request"));
        if (d.errorResponses() == 0) {
            return sb.append(d.requests() == 1 ? ", not answered" : ", none answered").toString();
        }
        sb.append(", answered only with errors: ").append(errors(d.errors()));
        if (d.unansweredRequests() > 0) {
            sb.append(", ").append(d.unansweredRequests()).append(" not answered at all");
        }
        return sb.toString();
    }

    /** "pair end sent 3 requests: 1 success, 2 unanswered". */
    static String status(IcePair p, IceSide from, IceDirection d) {
        String who = shortEnd(p, from);
        if (d.requests() == 0) {
            return "no checks from " + who;
        }
        StringBuilder sb = new StringBuilder(who).append(" sent ").append(count(d.requests(), "request"))
                .append(": ").append(count(d.succeeded(), "success"));
        if (d.errorResponses() > 0) {
            sb.append(", errors ").append(errors(d.errors()));
        }
        if (d.unansweredRequests() > 0) {
            sb.append(", ").append(d.unansweredRequests()).append(" unanswered");
        }
        return sb.toString();
    }

    private static String errors(Map<Integer, Long> errors) {
        StringJoiner j = new StringJoiner(", ");
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                j.add(e.getKey() + " " + meaning(e.getKey()) + (e.getValue() > 1 ? " ×" + e.getValue() : "")));
        return j.toString();
    }

    /** What an error response to a connectivity check means (RFC 5389 §15.6, RFC 5245 §7.2). */
    static String meaning(int code) {
        return switch (code) {
            case 400 -> "Bad Request (a required attribute is missing or malformed)";
            case 401 -> "Unauthorized (USERNAME or MESSAGE-INTEGRITY did not verify: wrong ice-ufrag or ice-pwd)";
            case 420 -> "Unknown Attribute";
            case 487 -> "Role Conflict (both agents claim the same ICE role)";
            case 500 -> "Server Error";
            default -> "error";
        };
    }
}
