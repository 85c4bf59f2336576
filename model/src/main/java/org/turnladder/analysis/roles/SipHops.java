package org.turnladder.analysis.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.turnladder.sip.SipMessage;

/**
 * The hops a SIP message names: its Via entries (top first) and Record-Route entries, each as host and parameters.
 * Enough to tell whether the sender wrote the message or forwards it, and to spot Expressway's breadcrumbs
 * ({@code proxy-call-id}, {@code ingress-zone}, {@code egress-zone}; DOMAIN.md §4.1).
 */
record SipHops(List<Hop> vias, List<Hop> recordRoutes) {

    /** One entry: the host as written (an IP or a name) and the parameters, lower-cased. */
    record Hop(String host, String params) {
        boolean expresswayBreadcrumb() {
            return params.contains("proxy-call-id=") || params.contains("egress-zone=")
                    || params.contains("ingress-zone=");
        }
    }

    static SipHops of(SipMessage m) {
        List<Hop> vias = new ArrayList<>(3);
        for (String value : m.headers("Via")) {
            for (String entry : splitCommas(value)) {
                Hop h = via(entry);
                if (h != null) {
                    vias.add(h);
                }
            }
        }
        List<Hop> rr = new ArrayList<>(2);
        for (String value : m.headers("Record-Route")) {
            for (String entry : splitCommas(value)) {
                Hop h = route(entry);
                if (h != null) {
                    rr.add(h);
                }
            }
        }
        return new SipHops(vias, rr);
    }

    /** The Via of the user agent that wrote the request: the bottom one. */
    Hop originVia() {
        return vias.isEmpty() ? null : vias.get(vias.size() - 1);
    }

    /** {@code SIP/2.0/TLS host:port;params} */
    static Hop via(String entry) {
        String e = entry.trim();
        int sp = firstSpace(e);
        if (sp < 0) {
            return null;
        }
        String rest = e.substring(sp).trim();
        int semi = rest.indexOf(';');
        String sentBy = semi < 0 ? rest : rest.substring(0, semi);
        String params = semi < 0 ? "" : rest.substring(semi + 1);
        return new Hop(host(sentBy.trim()), params.toLowerCase(Locale.ROOT));
    }

    /** {@code <sip:user@host:port;params>} or {@code sip:host;params} */
    static Hop route(String entry) {
        String e = entry.trim();
        int lt = e.indexOf('<');
        int gt = e.indexOf('>', lt + 1);
        String uri = lt >= 0 && gt > lt ? e.substring(lt + 1, gt) : e;
        int colon = uri.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String afterScheme = uri.substring(colon + 1);
        int semi = afterScheme.indexOf(';');
        String userHost = semi < 0 ? afterScheme : afterScheme.substring(0, semi);
        String params = semi < 0 ? "" : afterScheme.substring(semi + 1);
        int at = userHost.lastIndexOf('@');
        String user = at < 0 ? "" : userHost.substring(0, at);
        String hostPort = at < 0 ? userHost : userHost.substring(at + 1);
        // Expressway writes its breadcrumb in the user part: sip:proxy-call-id=<uuid>@<ip>:<port>
        return new Hop(host(hostPort), (user + ";" + params).toLowerCase(Locale.ROOT));
    }

    /** The host of {@code host[:port]} or {@code [v6][:port]}. */
    static String host(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort.substring(1) : hostPort.substring(1, close);
        }
        int colon = hostPort.indexOf(':');
        if (colon >= 0 && hostPort.indexOf(':', colon + 1) < 0) {
            return hostPort.substring(0, colon);
        }
        return hostPort; // no port, or a bare IPv6 address
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Splits a header value at commas outside quotes and angle brackets. */
    static List<String> splitCommas(String value) {
        List<String> out = new ArrayList<>(1);
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                out.add(value.substring(start, i));
                start = i + 1;
            }
        }
        out.add(value.substring(start));
        return out;
    }
}
