package org.turnladder.analysis.turn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;

/** A capture (or a message list) fed through the TURN tracker and the TCP attempt findings, as the analysis will. */
final class TurnRun {
    final TurnTracker turn = new TurnTracker();
    final TcpAttemptFindings tcp = new TcpAttemptFindings();
    long lastNanos;

    static TurnRun capture(String name) {
        return capture(TestCaptures.path(name));
    }

    static TurnRun capture(Path file) {
        TurnRun run = new TurnRun();
        DecodeEngine engine = new DecodeEngine(run::message, f -> {
            run.turn.tcpFlow(f);
            run.tcp.tcpFlow(f);
        });
        try (PacketSource source = CaptureFiles.open(file)) {
            RawPacket p;
            while ((p = source.next()) != null) {
                engine.accept(p);
                run.lastNanos = Math.max(run.lastNanos, p.epochNanos());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine.finish();
        return run;
    }

    static TurnRun messages(List<DecodedMessage> messages) {
        TurnRun run = new TurnRun();
        messages.forEach(run::message);
        return run;
    }

    void message(DecodedMessage m) {
        lastNanos = Math.max(lastNanos, m.epochNanos());
        turn.message(m);
        tcp.message(m);
    }

    /** Findings of both sources at the end of the capture. */
    List<Finding> findings() {
        return findings(lastNanos, true);
    }

    List<Finding> findings(long endNanos, boolean ended) {
        List<Finding> out = new ArrayList<>(turn.findings(endNanos, ended));
        out.addAll(tcp.findings(endNanos, ended));
        return out;
    }

    List<Finding> errors() {
        return findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    Finding only(String id) {
        List<Finding> matching = findings().stream().filter(f -> f.id().equals(id)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + id + " but got " + findings());
        }
        return matching.get(0);
    }

    TurnAllocation allocation(int index) {
        return turn.allocations(lastNanos, true).get(index);
    }
}
