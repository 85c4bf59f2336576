package org.turnladder.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        Path file = null;
        String format = "text";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--format") && i + 1 < args.length) {
                format = args[++i];
            } else if (a.startsWith("--format=")) {
                format = a.substring("--format=".length());
            } else if (a.equals("--help") || a.equals("-h")) {
                out.print(Cli.usage());
                return 0;
            } else if (a.startsWith("-")) {
                err.println("turnladder decode: unknown option " + a);
                return 2;
            } else if (file == null) {
                file = Path.of(a);
            } else {
                err.println("turnladder decode: one capture file at a time");
                return 2;
            }
        }
        if (file == null) {
            err.println("turnladder decode: which capture? usage: decode FILE [--format json|text]");
            return 2;
        }
        if (!format.equals("json") && !format.equals("text")) {
            err.println("turnladder decode: --format is json or text, not " + format);
            return 2;
        }
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
            err.println("turnladder decode: cannot read " + file + ": " + oneLine(e));
        } catch (RuntimeException e) {
            printer.flush();
            err.println("turnladder decode: internal error while reading " + file + ": " + oneLine(e));
        }
        return 2;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
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
