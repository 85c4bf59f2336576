package org.turnladder.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.capture.ReadAheadSource;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TcpFlowSummary;

/** {@code decode FILE [--format json|text]}: one decoded message per line, in capture order. */
final class DecodeCommand {
    private DecodeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Args a = Args.parse("decode", args, Set.of(), Set.of(), err);
        if (a.outcome == Args.Outcome.HELP) {
            out.print(Cli.usage());
            return 0;
        }
        if (a.outcome == Args.Outcome.OK && a.file == null) {
            a.fail(err, "which capture? usage: decode FILE [--format json|text]");
        }
        if (a.outcome == Args.Outcome.ERROR) {
            return 2;
        }
        Path file = a.file;
        String format = a.format;
        boolean json = format.equals("json");
        var printer = new LinePrinter(out);
        DecodeEngine engine = new DecodeEngine(m -> {
            if (json) {
                printer.json(m);
            } else {
                printer.line(TextLine.of(m));
            }
        });
        try (PacketSource source = new ReadAheadSource(CaptureFiles.open(file))) {
            RawPacket p;
            while ((p = source.next()) != null) {
                engine.accept(p);
            }
            engine.finish();
            printer.flush();
            for (String w : engine.warnings()) {
                err.println("turnladder decode: warning: " + w);
            }
            for (String w : source.warnings()) {
                err.println("turnladder decode: warning: " + w);
            }
            if (!json) {
                for (TcpFlowSummary f : engine.tcpFlows()) {
                    printer.line(TextLine.of(f));
                }
                printer.flush();
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("turnladder decode: no such file: " + file);
        } catch (IOException e) {
            printer.flush();
            err.println("turnladder decode: cannot read " + file + ": " + Args.oneLine(e));
        } catch (RuntimeException e) {
            printer.flush();
            err.println("turnladder decode: internal error while reading " + file + ": " + Args.oneLine(e));
        }
        return 2;
    }

    /**
     * Buffers output lines and writes them as UTF-8 bytes. PrintStream's own char encoding, and a StringBuilder that
     * turned UTF-16 for one non-Latin-1 character and stayed so, were the slowest part of a large decode: the buffer
     * is encoded in one go and started afresh each time.
     */
    private static final class LinePrinter {
        private static final int FLUSH_AT = 1 << 16;
        private final PrintStream out;
        private StringBuilder sb = new StringBuilder(FLUSH_AT + 4096);

        LinePrinter(PrintStream out) {
            this.out = out;
        }

        void line(String s) {
            sb.append(s).append('\n');
            if (sb.length() > FLUSH_AT) {
                flush();
            }
        }

        void json(DecodedMessage m) {
            MessageJson.write(m, sb);
            sb.append('\n');
            if (sb.length() > FLUSH_AT) {
                flush();
            }
        }

        void flush() {
            if (sb.length() > 0) {
                byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                sb = new StringBuilder(FLUSH_AT + 4096);
            }
            out.flush();
        }
    }
}
