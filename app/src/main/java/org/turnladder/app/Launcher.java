package org.turnladder.app;

import java.util.Arrays;
import org.turnladder.app.cli.Cli;

/**
 * Entry point of {@code turnladder.jar}. It does not extend {@code Application}: a shaded jar whose main class
 * does is refused by the JavaFX launcher, and sub-commands must run without touching JavaFX at all.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.main(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(Cli.usage());
            return;
        }
        TurnLadderApp.launchWith(args);
    }
}
