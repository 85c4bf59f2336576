package org.turnladder.analysis.calls;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.framing.TcpFlowSummary;

/**
 * TLS connections seen in the capture, sorted by what they probably carry: SIP (5061 TLS, 5062 MTLS/MRAS, 7001
 * Expressway traversal, 5065), 443 (Skype clients' SIP to the Access Edge, or plain HTTPS), or anything else. Tells
 * whether signalling was there but encrypted.
 */
final class TlsFlows {
    private static final int EXAMPLES = 3;

    /** TLS on a SIP port. */
    final Group sip = new Group();
    /** TLS on 443. */
    final Group https = new Group();
    /** TLS elsewhere. */
    final Group other = new Group();

    void flow(TcpFlowSummary f) {
        if (!"TLS".equals(f.label())) {
            return;
        }
        int port = f.server().port();
        Group g = switch (port) {
            case 5061, 5062, 5065, 7001 -> sip;
            case 443 -> https;
            default -> other;
        };
        g.add(f);
    }

    static final class Group {
        private long count;
        private final FrameList frames = new FrameList();
        private final List<String> examples = new ArrayList<>(EXAMPLES);

        void add(TcpFlowSummary f) {
            count++;
            frames.add(f.firstFrame());
            if (examples.size() < EXAMPLES) {
                examples.add(f.client() + " → " + f.server() + " (frame " + f.firstFrame() + ")");
            }
        }

        long count() {
            return count;
        }

        List<Long> frames() {
            return frames.frames();
        }

        /** "3 TLS connections (10.0.0.1:40000 → 192.0.2.50:5061 (frame 4), …)". */
        String describe() {
            StringBuilder s = new StringBuilder().append(count)
                    .append(count == 1 ? " TLS connection (" : " TLS connections (");
            s.append(String.join(", ", examples));
            if (count > examples.size()) {
                s.append(", …");
            }
            return s.append(')').toString();
        }
    }
}
