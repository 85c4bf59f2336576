package org.turnladder.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.analysis.calls.AppSharingMedia;
import org.turnladder.analysis.calls.Call;
import org.turnladder.analysis.calls.Candidate;
import org.turnladder.analysis.calls.DiagnosticEntry;
import org.turnladder.analysis.calls.InviteOutcome;
import org.turnladder.analysis.calls.OfferAnswer;
import org.turnladder.analysis.ice.IcePair;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.analysis.turn.TurnAllocation;
import org.turnladder.analysis.turn.TurnConnection;

/** The {@code analyze --format text} report: what an engineer reads first, findings first. */
final class AnalysisText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AnalysisText() {
    }

    static String of(Path file, CaptureReading.Result r) {
        Analysis a = r.analysis();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("TurnLadder analysis of ").append(file).append('\n');
        sb.append(a.frames()).append(" frames, ").append(a.messages()).append(" decoded messages");
        if (a.frames() > 0) {
            sb.append(", ").append(TIME.format(Instant.ofEpochSecond(0, a.firstNanos()))).append(" – ")
                    .append(TIME.format(Instant.ofEpochSecond(0, a.lastNanos()))).append(" (")
                    .append(seconds(a.lastNanos() - a.firstNanos())).append(')');
        }
        sb.append('\n');
        for (String w : r.warnings()) {
            sb.append("warning: ").append(w).append('\n');
        }
        findings(sb, a.findings());
        roles(sb, a.roles());
        calls(sb, a.calls());
        turn(sb, a.turnAllocations());
        ice(sb, a.iceChecks());
        return sb.toString();
    }

    private static void findings(StringBuilder sb, List<Finding> findings) {
        heading(sb, "Findings", findings.size());
        if (findings.isEmpty()) {
            sb.append("  nothing wrong found\n");
        }
        for (Finding f : findings) {
            sb.append("  [").append(f.severity().json().toUpperCase(Locale.ROOT)).append("] ").append(f.title())
                    .append("  (").append(f.id()).append(')').append('\n');
            indent(sb, f.detail(), "      ");
            if (f.severity() != Severity.INFO || !f.fix().isEmpty()) {
                indent(sb, "Fix: " + f.fix(), "      ");
            }
            if (!f.frames().isEmpty()) {
                sb.append("      Frames: ").append(frames(f.frames())).append('\n');
            }
        }
    }

    private static void roles(StringBuilder sb, List<RoleAssignment> roles) {
        heading(sb, "Roles", roles.size());
        for (RoleAssignment r : roles) {
            sb.append("  ").append(String.format("%-16s", r.role().label())).append(' ')
                    .append(String.join(", ", r.addresses()));
            if (!r.box().equals(r.role().label()) && !r.addresses().contains(r.box())) {
                sb.append("  \"").append(r.box()).append('"');
            }
            sb.append(String.format("  (confidence %.2f%s)", r.confidence(), r.overridden() ? ", set by you" : ""))
                    .append('\n');
            for (String e : r.evidence()) {
                sb.append("      - ").append(e).append('\n');
            }
        }
    }

    private static void calls(StringBuilder sb, List<Call> calls) {
        heading(sb, "Calls", calls.size());
        for (Call c : calls) {
            sb.append("  Call-ID ").append(c.callId()).append(c.isAppSharing() ? "  (application sharing)" : "")
                    .append('\n');
            for (InviteOutcome i : c.invites()) {
                sb.append("    ").append(i.reInvite() ? "re-INVITE" : "INVITE").append(" frame ").append(i.frame())
                        .append(' ').append(i.from()).append(" → ").append(i.to())
                        .append(i.appSharingOffered() ? " m=applicationsharing" : "").append(": ")
                        .append(i.answered() ? i.finalStatus() + " " + i.finalReason() + " (frame "
                                + i.finalFrame() + ")" : "no final answer").append('\n');
            }
            for (OfferAnswer oa : c.offerAnswers()) {
                side(sb, "offer ", oa.offer() == null ? null : oa.offer().appSharing());
                side(sb, "answer", oa.answer() == null ? null : oa.answer().appSharing());
            }
            for (DiagnosticEntry d : c.diagnostics()) {
                sb.append("    ").append(d.header()).append(' ').append(d.code()).append(' ')
                        .append(d.reason() == null ? "" : "\"" + d.reason() + "\"")
                        .append(d.component() == null ? "" : " component " + d.component())
                        .append(" (frame ").append(d.frame()).append(")\n");
            }
        }
    }

    private static void side(StringBuilder sb, String what, AppSharingMedia m) {
        if (m == null) {
            return;
        }
        sb.append("    ").append(what).append(" m=applicationsharing ").append(m.port()).append(' ')
                .append(m.proto() == null ? "" : m.proto()).append(m.role() == null ? "" : " role " + m.role())
                .append('\n');
        for (Candidate c : m.candidates()) {
            sb.append("        ").append(c.describe()).append('\n');
        }
    }

    private static void turn(StringBuilder sb, List<TurnAllocation> allocations) {
        heading(sb, "TURN allocations", allocations.size());
        for (TurnAllocation t : allocations) {
            sb.append("  ").append(t.describe()).append(", ").append(t.requestedTransportName()).append(" relay: ")
                    .append(t.outcome().name().toLowerCase(Locale.ROOT));
            if (t.relayed() != null) {
                sb.append(" ").append(t.relayed());
            }
            if (t.errorCode() != null) {
                sb.append(" ").append(t.errorCode()).append(' ').append(t.errorReason());
            }
            sb.append(" (frames ").append(t.firstFrame()).append('–').append(t.lastFrame()).append(")\n");
            for (TurnConnection c : t.connections()) {
                sb.append("    ").append(c.kind() == TurnConnection.Kind.ACTIVE ? "Connect to " : "ConnectionAttempt from ")
                        .append(c.peer()).append(c.connectionId() >= 0 ? " cid " + c.connectionId() : "")
                        .append(": ").append(c.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                if (c.data() != null) {
                    sb.append(", data connection tcp.stream ").append(c.data().stream());
                    if (c.data().relayedMessages() > 0) {
                        sb.append(", ").append(c.data().relayedMessages()).append(" STUN messages relayed");
                    }
                    if (c.data().appBytesOut() > 0 || c.data().appBytesIn() > 0) {
                        sb.append(", ").append(c.data().appBytesOut()).append(" B → / ")
                                .append(c.data().appBytesIn()).append(" B ← of application data");
                    }
                }
                sb.append('\n');
            }
        }
    }

    private static void ice(StringBuilder sb, List<IcePair> pairs) {
        heading(sb, "ICE checks", pairs.size());
        for (IcePair p : pairs) {
            sb.append("  ").append(p.describe()).append('\n');
        }
    }

    private static void heading(StringBuilder sb, String title, int count) {
        sb.append('\n').append(title).append(" (").append(count).append(")\n");
    }

    private static void indent(StringBuilder sb, String text, String prefix) {
        for (String line : text.split("\n")) {
            sb.append(prefix).append(line).append('\n');
        }
    }

    private static String frames(List<Long> frames) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < frames.size() && i < 20; i++) {
            s.append(i == 0 ? "" : ", ").append(frames.get(i));
        }
        return frames.size() > 20 ? s + " … (" + frames.size() + " frames)" : s.toString();
    }

    private static String seconds(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return String.format("%d.%03d s", d.toSeconds(), d.toMillisPart());
    }
}
