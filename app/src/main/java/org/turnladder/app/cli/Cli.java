package org.turnladder.app.cli;

import java.io.PrintStream;
import java.util.Set;

/** Headless sub-commands. Nothing here loads JavaFX. */
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("decode", "analyze", "export", "capture");

    private Cli() {
    }

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    public static String usage() {
        return """
                usage: java -jar turnladder.jar [CAPTURE]            open the window (optionally with a capture)
                       java -jar turnladder.jar decode FILE [--format json|text]
                       java -jar turnladder.jar analyze FILE [--format json|text] [--role ADDRESS=ROLE ...]
                       java -jar turnladder.jar export FILE --png OUT.png [--time absolute|relative|delta] [--all]
                                                [--columns N] [--role ADDRESS=ROLE ...] [--name ADDRESS=NAME ...]
                                                [--protocols sip,stun,turn,ice,channeldata] [--call CALL-ID]
                                                [--allocation TURN-CLIENT-ADDRESS:PORT]
                                                [--hide refreshes,keep-alives,retransmissions]
                       java -jar turnladder.jar capture --interface NAME [--filter BPF] [--duration S] [--count N]
                                                [--write FILE] [--format json|text] [--snaplen N]
                                                [--ring N --ring-size MB]
                       java -jar turnladder.jar capture --list
                """;
    }

    /**
     * Runs a sub-command from the command line: in a lean child JVM when this one is a default-sized
     * {@code java -jar} (see {@link LeanJvm}), else here. Returns the exit status.
     */
    public static int main(String command, String[] args) {
        if (LeanJvm.shouldFork()) {
            String[] all = new String[args.length + 1];
            all[0] = command;
            System.arraycopy(args, 0, all, 1, args.length);
            try {
                return LeanJvm.run("org.turnladder.app.Launcher", all);
            } catch (java.io.IOException e) {
                // the child could not start: run here instead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
        return run(command, args, System.out, System.err);
    }

    /** Runs a sub-command and returns its exit status. */
    public static int run(String command, String[] args, PrintStream out, PrintStream err) {
        return switch (command) {
            case "decode" -> DecodeCommand.run(args, out, err);
            case "analyze" -> AnalyzeCommand.run(args, out, err);
            case "export" -> ExportCommand.run(args, out, err);
            case "capture" -> CaptureCommand.run(args, out, err);
            default -> {
                err.println("turnladder: unknown command " + command);
                yield 2;
            }
        };
    }
}
