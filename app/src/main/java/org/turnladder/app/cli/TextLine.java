package org.turnladder.app.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TcpFlowSummary;

/** The {@code decode --format text} form: one human line per message. */
final class TextLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private TextLine() {
    }

    static String of(DecodedMessage m) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(String.format("%6d ", m.frame()));
        sb.append(TIME.format(Instant.ofEpochSecond(0, m.epochNanos()))).append(' ');
        sb.append(m.src()).append(" → ").append(m.dst()).append(' ');
        sb.append(m.transport()).append('/').append(m.framing().json()).append(' ');
        sb.append(m.protocol()).append(' ').append(m.payload().summary());
        for (String w : m.allWarnings()) {
            sb.append("  [!] ").append(w);
        }
        return sb.toString();
    }

    static String of(TcpFlowSummary f) {
        StringBuilder sb = new StringBuilder(160);
        if (f.failedHandshake()) {
            return "# tcp.stream " + f.id() + " " + f.client() + " → " + f.server() + " connection "
                    + (f.refused() ? "refused (RST)" : "unanswered") + " after " + f.synCount() + " SYN"
                    + (f.synCount() > 1 ? "s" : "") + ", last in frame " + f.lastSynFrame();
        }
        sb.append("# tcp.stream ").append(f.id()).append(' ').append(f.client()).append(" → ").append(f.server())
                .append(' ').append(f.label()).append(", frames ").append(f.firstFrame()).append('–')
                .append(f.lastFrame());
        if (f.bound()) {
            sb.append(", bound by ConnectionBind in frame ").append(f.boundFrame());
            if (f.connectionId() >= 0) {
                sb.append(" (cid ").append(f.connectionId()).append(')');
            }
            sb.append(", ").append(f.relayedStun()).append(" STUN messages relayed");
        }
        if (f.appBytesOut() > 0 || f.appBytesIn() > 0) {
            sb.append(", application data ").append(f.appBytesOut()).append(" bytes →, ").append(f.appBytesIn())
                    .append(" bytes ←");
        }
        if (f.bytesLost() > 0) {
            sb.append(", ").append(f.bytesLost()).append(" bytes missing from the capture");
        }
        return sb.toString();
    }
}
