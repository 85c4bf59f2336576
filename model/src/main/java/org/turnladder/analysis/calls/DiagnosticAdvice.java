package org.turnladder.analysis.calls;

import java.util.List;
import org.turnladder.analysis.Severity;

/**
 * What a Microsoft diagnostic code means for this deployment and what to do about it (DOMAIN.md §3.1,
 * PROTOCOLS.md §9.1). Codes not listed get their range's owner and the reason text the server gave.
 *
 * @param severity    how bad: {@code info} only for codes that report rather than fail (51004 user hang-up,
 *                    51007 connectivity report)
 * @param explanation what it means, in the engineer's terms
 * @param fix         what to change or check
 */
record DiagnosticAdvice(Severity severity, String explanation, String fix) {

    /** ErrorId of "Attendees cannot share in this conference" (ASMCU). */
    static final int ATTENDEES_CANNOT_SHARE = 21002;

    static DiagnosticAdvice of(DiagnosticEntry d) {
        if (d.fromClient()) {
            return client(d);
        }
        return switch (d.code()) {
            case ATTENDEES_CANNOT_SHARE -> new DiagnosticAdvice(Severity.ERROR,
                    "the Skype meeting's application sharing MCU (ASMCU) refused the share because the sharer joined"
                            + " as an attendee, and the meeting does not let attendees present",
                    "In the Skype meeting, right-click the Skype user (or the CMS participant) and choose Make"
                            + " Presenter, or change the meeting options (\"Who's a presenter?\") so that attendees"
                            + " can share");
            case 1009 -> new DiagnosticAdvice(Severity.WARNING,
                    "the Skype server looked up the federated domain" + param(d, "domain", " %s")
                            + " in DNS SRV (_sipfederationtls._tcp) and the target"
                            + param(d, "fqdn1", " %s") + " is not inside that domain, so it will not route the"
                            + " request to it",
                    "Make the _sipfederationtls._tcp SRV record of the Cisco domain point to an FQDN inside that same"
                            + " domain (the Expressway-E's name in it), matching the From/P-Asserted-Identity domain");
            case 1010 -> new DiagnosticAdvice(Severity.WARNING,
                    "TLS certificate trust between the Skype server and the federated server could not be"
                            + " established" + param(d, "ErrorType", ": %s") + param(d, "HRESULT", " (%s)"),
                    "Reissue the Expressway-E certificate with the SRV target FQDN in its SAN, signed by a CA the"
                            + " Skype Edge trusts (a public CA for Office 365), and check the Edge's certificate the"
                            + " other way round");
            case 1027 -> new DiagnosticAdvice(Severity.WARNING,
                    "the Skype server will not route this type of request to or from a federated partner: federation"
                            + " with the Cisco domain, or for this user, is not allowed",
                    "Allow federation with the Cisco domain on the Skype side (Access Edge allowed domains, the"
                            + " user's External Access Policy) and check the domain the Expressway puts in From");
            case 7008 -> new DiagnosticAdvice(Severity.WARNING,
                    "the Skype A/V MCU could not parse the SDP it was sent",
                    "Compare the SDP with what Skype expects (candidate syntax TCP-ACT/TCP-PASS, a=crypto,"
                            + " multipart bodies) and check the Cisco side's software versions");
            default -> new DiagnosticAdvice(Severity.WARNING,
                    "the Skype " + d.category() + " reported a problem" + reasonText(d),
                    fixForRange(d.code()));
        };
    }

    private static DiagnosticAdvice client(DiagnosticEntry d) {
        String ice = iceWarnText(d);
        return switch (d.code()) {
            case 51004 -> new DiagnosticAdvice(Severity.INFO,
                    "the Skype client ended the call because the user did" + ice, "Nothing to fix: a normal hang-up");
            case 51007 -> new DiagnosticAdvice(Severity.INFO,
                    "the Skype client reports its media connectivity findings" + ice,
                    "Nothing to fix by itself; read the ICEWarn bits if sharing failed");
            case 23, 24, 25 -> new DiagnosticAdvice(Severity.WARNING,
                    "the Skype client could not establish media connectivity (ICE failed)" + reasonText(d) + ice,
                    "Check the TCP relay path: CMS→Expressway-E TCP 3478, Expressway-E relays 24000-29999 ⇄"
                            + " Skype Edge relays 50000-59999 in both directions, and that both SDPs carry TCP relay"
                            + " candidates");
            case 52017 -> new DiagnosticAdvice(Severity.WARNING,
                    "the Skype client and the other side disagree on media encryption (Skype requires SRTP with"
                            + " a=crypto by default)",
                    "Let the Cisco side offer encrypted media (media encryption not forced off on the Expressway"
                            + " zones and CMS), or relax the Skype EncryptionLevel in Set-CsMediaConfiguration");
            case 52063 -> new DiagnosticAdvice(Severity.WARNING,
                    "the Skype client could not accept the session description it was sent",
                    "Check the m-lines of the offer: RDP application sharing (m=applicationsharing) versus"
                            + " video-based sharing, codecs, and candidate syntax");
            default -> new DiagnosticAdvice(Severity.WARNING,
                    "the Skype client reported a problem" + reasonText(d) + ice,
                    "Look up the client diagnostic code; for media failures check TURN relays and firewalls");
        };
    }

    private static String reasonText(DiagnosticEntry d) {
        return d.reason() == null ? "" : ": \"" + d.reason() + "\"";
    }

    private static String param(DiagnosticEntry d, String name, String format) {
        String v = d.param(name);
        return v == null || v.isEmpty() ? "" : String.format(format, v);
    }

    /** "; ICEWarn=0x320: local connectivity failed …" from any MediaDebug-style parameter. */
    private static String iceWarnText(DiagnosticEntry d) {
        for (String v : d.params().values()) {
            long bits = IceWarn.find(v);
            if (bits > 0) {
                List<String> names = IceWarn.describe(bits);
                return "; ICEWarn=0x" + Long.toHexString(bits) + ": " + String.join(", ", names);
            }
        }
        return "";
    }

    private static String fixForRange(int code) {
        if (code >= 1000 && code < 2000) {
            return "Check routing, DNS SRV and certificates between the Skype Edge/Front End and the Expressway-E";
        }
        if (code >= 3000 && code < 4000) {
            return "Check the meeting (conference focus): the meeting URI, the user's rights and the meeting options";
        }
        if (code >= 21000 && code < 22000) {
            return "Check the sharer's rights in the Skype meeting (presenter) and the conferencing policy"
                    + " (application sharing allowed)";
        }
        return "Look the code up in the Skype Server logs (the server in 'source') for the full reason";
    }
}
