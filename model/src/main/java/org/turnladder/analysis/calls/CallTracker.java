package org.turnladder.analysis.calls;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.FindingSource;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.sip.MsDiagnostic;
import org.turnladder.sip.SipMessage;

/**
 * Groups SIP messages into calls by Call-ID and says what went wrong with application sharing: ms-diagnostics
 * (21002 "attendees cannot share" above all), application-sharing INVITEs refused by status or by a port-0 answer,
 * roles that do not mirror, and captures where no application-sharing INVITE can be seen at all (for example
 * because SIP is encrypted).
 *
 * <p>Fed message by message; {@link #calls()} and {@link #findings} reflect what was seen so far. Memory per call is
 * capped, and only dialogs with call-related methods (INVITE, ACK, BYE, CANCEL, UPDATE, PRACK, INFO) or SDP become
 * calls, so OPTIONS and REGISTER traffic costs nothing but its diagnostics.
 */
public final class CallTracker implements FindingSource {
    static final String NO_APPSHARING_INVITE = "sip.no-appsharing-invite";
    private static final int MAX_CALLS = 4096;
    private static final int MAX_EVICTED_FINDINGS = 256;
    private static final int MAX_OUT_OF_DIALOG_FACTS = 64;
    private static final int MAX_AGENTS = 256;
    private static final Set<String> CALL_METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "UPDATE", "PRACK",
            "INFO");

    private final Map<String, CallState> calls = new LinkedHashMap<>();
    private final List<Finding> evictedFindings = new ArrayList<>();
    private final Map<String, DiagFact> outOfDialog = new LinkedHashMap<>();
    private final Map<String, AgentString> agents = new LinkedHashMap<>();
    private final FrameList appSharingInvites = new FrameList();
    private final FrameList vbssInvites = new FrameList();
    private final FrameList otherInvites = new FrameList();
    private final TlsFlows tls = new TlsFlows();
    private long sipMessages;
    private long firstSipFrame = -1;
    private long evictedCalls;

    @Override
    public void message(DecodedMessage m) {
        if (!(m.payload() instanceof SipMessage s) || s.isKeepAlive() || !(s.isRequest() || s.isResponse())) {
            return;
        }
        sipMessages++;
        if (firstSipFrame < 0) {
            firstSipFrame = m.frame();
        }
        agent(m, "User-Agent", s.userAgent());
        agent(m, "Server", s.server());
        String callId = s.callId();
        CallState c = callId == null ? null : calls.get(callId);
        if (c == null && callId != null && startsCall(s)) {
            if (calls.size() >= MAX_CALLS) {
                evictOne();
            }
            c = new CallState(callId);
            calls.put(callId, c);
        }
        if (c == null) {
            outOfDialog(m, s);
            return;
        }
        switch (c.message(m, s)) {
            case INVITE_WITH_APP_SHARING -> appSharingInvites.add(m.frame());
            case INVITE_WITH_VBSS -> vbssInvites.add(m.frame());
            case INVITE_WITHOUT_APP_SHARING -> otherInvites.add(m.frame());
            case NOTHING -> {
            }
        }
    }

    @Override
    public void tcpFlow(TcpFlowSummary flow) {
        tls.flow(flow);
    }

    /** Every call seen so far, in order of their first message. */
    public List<Call> calls() {
        List<Call> out = new ArrayList<>(calls.size());
        for (CallState c : calls.values()) {
            out.add(c.snapshot());
        }
        return out;
    }

    /** User-Agent and Server strings per sender address across all SIP seen (calls, OPTIONS, REGISTER …). */
    public List<AgentString> agents() {
        return List.copyOf(agents.values());
    }

    /** Calls dropped from {@link #calls()} to bound memory (their findings are kept). */
    public long evictedCalls() {
        return evictedCalls;
    }

    @Override
    public List<Finding> findings(long endNanos, boolean ended) {
        List<Finding> out = new ArrayList<>(evictedFindings);
        for (CallState c : calls.values()) {
            CallFindings.add(c, out);
        }
        for (DiagFact f : outOfDialog.values()) {
            CallFindings.diagnostic(f, out);
        }
        if (ended && appSharingInvites.count() == 0) {
            out.add(noAppSharingInvite());
        }
        return out;
    }

    private static boolean startsCall(SipMessage s) {
        return CALL_METHODS.contains(s.method()) || !s.sdps().isEmpty();
    }

    private void outOfDialog(DecodedMessage m, SipMessage s) {
        for (MsDiagnostic d : s.msDiagnostics()) {
            DiagnosticEntry e = DiagnosticEntry.of(d, m.frame(), m.src(), CallState.label(s)
                    + (s.isRequest() ? "" : " to " + s.method()));
            String key = (e.fromClient() ? "client " : "server ") + e.codeText();
            DiagFact f = outOfDialog.get(key);
            if (f == null && outOfDialog.size() < MAX_OUT_OF_DIALOG_FACTS) {
                f = new DiagFact(e, s.callId(), -1, null);
                outOfDialog.put(key, f);
            }
            if (f != null) {
                f.frames.add(m.frame());
            }
        }
    }

    /** Drops the oldest call whose INVITEs were all answered (else the oldest), keeping its findings. */
    private void evictOne() {
        Iterator<CallState> it = calls.values().iterator();
        CallState victim = null;
        while (it.hasNext()) {
            CallState c = it.next();
            if (victim == null) {
                victim = c;
            }
            if (c.settled()) {
                victim = c;
                break;
            }
        }
        if (victim == null) {
            return;
        }
        calls.remove(victim.callId);
        evictedCalls++;
        List<Finding> fs = new ArrayList<>();
        CallFindings.add(victim, fs);
        for (Finding f : fs) {
            if (evictedFindings.size() < MAX_EVICTED_FINDINGS) {
                evictedFindings.add(f);
            }
        }
    }

    private void agent(DecodedMessage m, String header, String value) {
        if (value == null || value.isBlank() || agents.size() >= MAX_AGENTS) {
            return;
        }
        String host = m.src().host();
        agents.putIfAbsent(host + '\n' + header + '\n' + value, new AgentString(host, header, value, m.frame()));
    }

    private Finding noAppSharingInvite() {
        String fix = "Take the SIP from where it is readable: the CMS SIP trace (Web Admin logs), the Expressway"
                + " diagnostic log with network.sip at DEBUG (Maintenance > Diagnostics > Diagnostic logging), the"
                + " Skype client's UccApiLog or the Skype server CLS logs, or decrypt the TLS with its session keys;"
                + " then check that the share is offered as m=applicationsharing (RDP)";
        String tlsNote = tlsNote();
        List<Long> frames = new ArrayList<>();
        frames.addAll(tls.sip.frames());
        if (sipMessages > 0) {
            frames.addAll(vbssInvites.frames());
            frames.addAll(otherInvites.frames());
            StringBuilder detail = new StringBuilder();
            detail.append(sipMessages).append(" cleartext SIP messages were seen (first in frame ")
                    .append(firstSipFrame).append("; ").append(calls.size() + evictedCalls).append(" calls, ")
                    .append(otherInvites.count() + vbssInvites.count())
                    .append(" INVITEs), but no INVITE offered m=applicationsharing");
            if (vbssInvites.count() > 0) {
                detail.append(". ").append(vbssInvites.count()).append(" INVITE(s) offered video-based screen sharing"
                        + " instead (m=video with a=label:applicationsharing-video, first in frame ")
                        .append(vbssInvites.firstFrame()).append("): CMS handles RDP application sharing, so the"
                        + " Skype side should fall back to RDP");
            }
            detail.append('.').append(tlsNote);
            String shareFix = vbssInvites.count() > 0
                    ? "If CMS must receive the share, let the Skype side use RDP (conferencing policy"
                    + " ApplicationSharingMode RDP, or EnableVideoBasedSharing $false) and retry. "
                    : "If a share was attempted, it was not signalled on the links this capture sees. ";
            return new Finding(NO_APPSHARING_INVITE, Severity.WARNING,
                    "No INVITE with m=applicationsharing among " + sipMessages + " SIP messages",
                    detail.toString(), shareFix + fix, frames);
        }
        if (tls.sip.count() > 0) {
            return new Finding(NO_APPSHARING_INVITE, Severity.WARNING,
                    "SIP is encrypted (TLS) in this capture: no application-sharing INVITE can be seen",
                    "No cleartext SIP was seen, but " + tls.sip.describe() + " ran on SIP ports (5061 TLS, 5062"
                            + " MTLS, 7001 traversal): the signalling is encrypted in this capture, so whether the"
                            + " share was offered, answered or refused cannot be read here." + otherTlsNote(),
                    fix, frames);
        }
        frames.addAll(tls.https.frames());
        return new Finding(NO_APPSHARING_INVITE, Severity.INFO,
                "No SIP in this capture: the application-sharing INVITE cannot be checked here",
                "No SIP message and no TLS on a SIP port were seen, so this capture holds no signalling for the"
                        + " share (a TURN- or media-only capture)." + otherTlsNote(),
                fix, frames);
    }

    private String tlsNote() {
        if (tls.sip.count() == 0) {
            return otherTlsNote();
        }
        return " Besides, " + tls.sip.describe() + " ran on SIP ports: that signalling is encrypted in this capture"
                + " and may hold the share." + otherTlsNote();
    }

    private String otherTlsNote() {
        if (tls.https.count() == 0) {
            return "";
        }
        return " " + tls.https.describe() + " ran on port 443: if they are Skype clients' sign-in to the Access Edge,"
                + " their SIP is encrypted too.";
    }
}
