package org.turnladder.app.cli;

import java.io.PrintStream;
import java.util.Set;

/** Headless sub-commands. Nothing here loads JavaFX. */
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("decode");

    private Cli() {
    }

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    public static String usage() {
        return """
                usage: java -jar turnladder.jar [CAPTURE]            open the window (optionally with a capture)
                       java -jar turnladder.jar decode FILE [--format json|text]
                """;
    }

    /** Runs a sub-command and returns its exit status. */
    public static int run(String command, String[] args, PrintStream out, PrintStream err) {
        return switch (command) {
            case "decode" -> DecodeCommand.run(args, out, err);
            default -> {
                err.println("turnladder: unknown command " + command);
                yield 2;
            }
        };
    }
}
