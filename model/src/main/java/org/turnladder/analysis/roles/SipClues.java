package org.turnladder.analysis.roles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.sip.MsDiagnostic;
import org.turnladder.sip.SipMessage;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;

/**
 * Role clues from SIP: User-Agent/Server strings (given to the user agent that wrote the message, which is not the
 * sender when a proxy forwards it), Expressway's Via/Record-Route breadcrumbs, Microsoft diagnostic headers, and the
 * SDP: the author's own addresses belong to its box, its relay candidates to its TURN server (the Skype side's to
 * the A/V Edge, CMS's to Expressway-E).
 */
final class SipClues {
    /**
     * Clues that assume a response's sender wrote it; they are discounted when the sender turns out to forward SIP
     * for others.
     */
    static final String RESPONSE_ORIGIN = "response-origin";
    static final String SIP_STRING = "sip-string";

    private final Observations obs;

    SipClues(Observations obs) {
        this.obs = obs;
    }

    void message(DecodedMessage m, SipMessage s) {
        if (s.isKeepAlive()) {
            return;
        }
        long f = m.frame();
        HostClues src = obs.host(m.src());
        HostClues dst = obs.host(m.dst());
        SipHops hops = SipHops.of(s);
        breadcrumbs(hops, f);

        String header;
        String product;
        HostClues author; // the user agent that wrote the message, when known
        boolean forwarded = false;
        String group = SIP_STRING;
        if (s.isRequest()) {
            header = s.userAgent() != null ? "User-Agent" : "Server";
            product = s.userAgent() != null ? s.userAgent() : s.server();
            SipHops.Hop origin = hops.originVia();
            HostClues originHost = origin == null ? null : obs.host(origin.host());
            if (hops.vias().size() <= 1 || originHost == src) {
                author = src;
            } else {
                // a proxy forwards it: the strings and the SDP are the bottom Via's
                forwarded = true;
                if (src != null) {
                    src.sipProxy = true;
                }
                author = originHost;
            }
            if (src != null && dst != null) {
                PortClues.connection(src, m.src(), dst, m.dst(), f);
            }
        } else {
            header = s.server() != null ? "Server" : "User-Agent";
            product = s.server() != null ? s.server() : s.userAgent();
            if (s.statusCode() == 100) {
                author = src; // 100 Trying is made by the next hop itself
            } else if (inRecordRoute(hops, src)) {
                author = null; // a proxy on the route forwards someone else's response
                src.sipProxy = true;
            } else {
                author = src;
                group = RESPONSE_ORIGIN;
            }
        }

        ProductString p = product == null ? null : ProductString.classify(product);
        if (p != null && author != null) {
            String text = header + " '" + product + "' (" + p.what() + ")";
            if (forwarded) {
                text += " on a request it wrote (bottom Via), forwarded by " + (src == null ? m.src().host()
                        : src.address);
            }
            author.add(p.guess(), forwarded ? p.weight() * 0.8 : p.weight(), group, "string:" + header + product,
                    text, f);
        }
        if (author != null) {
            diagnostics(author, s, group, f);
        }
        Guess authorGuess = p == null ? Guess.NOTE : p.guess();
        for (SdpSession sdp : s.sdps()) {
            sdp(sdp, author, authorGuess, product, f);
        }
    }

    private void breadcrumbs(SipHops hops, long f) {
        for (SipHops.Hop v : hops.vias()) {
            if (v.expresswayBreadcrumb()) {
                HostClues h = obs.host(v.host());
                if (h != null) {
                    h.sipProxy = true;
                    h.add(Guess.EXPRESSWAY, 3, "exp-breadcrumb",
                            "SIP Via with Expressway's parameters (proxy-call-id, ingress-/egress-zone)", f);
                }
            }
        }
        for (SipHops.Hop r : hops.recordRoutes()) {
            HostClues h = obs.host(r.host());
            if (h == null) {
                continue;
            }
            h.sipProxy = true;
            if (r.expresswayBreadcrumb()) {
                h.add(Guess.EXPRESSWAY, 3, "exp-breadcrumb", "SIP Record-Route with Expressway's proxy-call-id", f);
            }
        }
    }

    private static boolean inRecordRoute(SipHops hops, HostClues src) {
        if (src == null) {
            return false;
        }
        for (SipHops.Hop r : hops.recordRoutes()) {
            if (src.address.equals(IpText.canonical(r.host()))) {
                return true;
            }
        }
        return false;
    }

    /** ms-diagnostics come from Microsoft servers (ASMCU/AVMCU ones from the Front End), ms-client-… from clients. */
    private static void diagnostics(HostClues author, SipMessage s, String group, long f) {
        for (MsDiagnostic d : s.msDiagnostics()) {
            String header = d.header().toLowerCase(Locale.ROOT);
            if (header.startsWith("ms-client-diagnostics")) {
                author.add(Guess.SKYPE_CLIENT, 1.5, group, "sent ms-client-diagnostics (a Microsoft client)", f);
            } else if (d.component() != null && d.component().toUpperCase(Locale.ROOT).contains("MCU")) {
                author.add(Guess.SKYPE_FRONT_END, 2, group, d.header() + " " + d.codeText() + " from component "
                        + d.component() + " (a conferencing MCU of the Front End)", f);
            } else {
                author.add(Guess.SKYPE_SERVER, 2, group, "sent " + d.header() + " (a Skype/Lync server)", f);
            }
        }
    }

    private void sdp(SdpSession sdp, HostClues author, Guess authorGuess, String product, long f) {
        Set<HostClues> own = new LinkedHashSet<>();
        List<IceCandidate> relays = new ArrayList<>(2);
        Set<String> relayAddresses = new LinkedHashSet<>();
        for (SdpMedia media : sdp.media()) {
            for (IceCandidate c : media.candidates()) {
                if (c.isRelay()) {
                    relays.add(c);
                    relayAddresses.add(IpText.canonical(c.address()));
                } else {
                    addHost(own, c.address());
                }
                if (c.raddr() != null) {
                    addHost(own, c.raddr()); // the base of a reflexive or relay candidate is the author's own
                }
            }
        }
        List<String> connections = new ArrayList<>(2);
        connections.add(sdp.connectionAddress());
        for (SdpMedia media : sdp.media()) {
            connections.add(media.connectionAddress());
        }
        for (String c : connections) {
            String canonical = IpText.canonical(c);
            if (canonical != null && !relayAddresses.contains(canonical)) {
                addHost(own, c); // c= is the default candidate; when that is a relay it is the TURN server's
            }
        }
        for (HostClues h : own) {
            obs.link(author, h);
        }
        List<HostClues> ownList = new ArrayList<>(own);
        for (int i = 1; i < ownList.size(); i++) {
            obs.link(ownList.get(0), ownList.get(i));
        }
        boolean known = authorGuess != Guess.NOTE && authorGuess != Guess.OTHER;
        if (known) {
            for (HostClues h : own) {
                if (h != author) {
                    h.add(authorGuess, 2.5, "sdp-author", "sdp-own:" + product,
                            "its own address (candidate or c=) in the SDP of '" + product + "'", f);
                }
            }
        }
        for (IceCandidate c : relays) {
            HostClues h = obs.host(c.address());
            if (h == null || own.contains(h)) {
                continue;
            }
            relayCandidate(h, c, known ? authorGuess.side() : Guess.Side.NONE, product, f);
        }
    }

    private static void relayCandidate(HostClues h, IceCandidate c, Guess.Side side, String product, long f) {
        String where = product == null ? "an SDP" : "the SDP of '" + product + "'";
        switch (side) {
            case SKYPE -> h.add(Guess.SKYPE_EDGE, 2.5, "sdp-relay", "sdp-relay:" + product,
                    "relay candidate " + c.endpoint() + " in " + where + " (the Skype side relays on its A/V Edge)", f);
            case CMS -> h.add(Guess.EXPRESSWAY_E, 2.5, "sdp-relay", "sdp-relay:" + product,
                    "relay candidate " + c.endpoint() + " in " + where + " (CMS relays on Expressway-E)", f);
            default -> {
                int port = c.port();
                if (port >= 50000 && port <= 59999) {
                    h.add(Guess.SKYPE_EDGE, 1, "sdp-relay", "sdp-relay-port",
                            "relay candidate " + c.endpoint() + " in " + where
                                    + " on ports 50000–59999 (Skype Edge relay range)", f);
                } else if (port >= 24000 && port <= 29999) {
                    h.add(Guess.EXPRESSWAY_E, 1, "sdp-relay", "sdp-relay-port",
                            "relay candidate " + c.endpoint() + " in " + where
                                    + " on ports 24000–29999 (Expressway-E relay range)", f);
                } else {
                    h.add(Guess.NOTE, 0, "note", "sdp-relay-note",
                            "relay candidate " + c.endpoint() + " in " + where + " (a TURN server's address)", f);
                }
            }
        }
    }

    private void addHost(Set<HostClues> into, String address) {
        HostClues h = obs.host(address);
        if (h != null && !isLoopbackV6OrLinkLocal(h.bytes)) {
            into.add(h);
        }
    }

    /** ::1 and fe80::/10 name no box that others can reach; they would wrongly merge unrelated boxes. */
    private static boolean isLoopbackV6OrLinkLocal(byte[] b) {
        if (b.length != 16) {
            return false;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return true;
        }
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[15] == 1;
    }
}
