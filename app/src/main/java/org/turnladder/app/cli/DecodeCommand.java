package org.turnladder.app.cli;

import java.io.PrintStream;

/** {@code decode FILE [--format json|text]}: one decoded message per line. */
final class DecodeCommand {
    private DecodeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("turnladder decode: not yet implemented");
        return 2;
    }
}
