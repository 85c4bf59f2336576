package org.turnladder.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.turnladder.analysis.Role;

/**
 * The arguments of a sub-command: one capture file, {@code --format json|text}, {@code --role ADDRESS=ROLE}
 * (repeatable), {@code --help}, and the command's own options that take a value or stand alone.
 */
final class Args {
    enum Outcome { OK, HELP, ERROR }

    private final String command;
    Outcome outcome = Outcome.OK;
    Path file;
    String format = "text";
    final Map<String, Role> roles = new LinkedHashMap<>();
    /** Box names by address ({@code --name ADDRESS=NAME}), for commands that take it. */
    final Map<String, String> names = new LinkedHashMap<>();
    final Map<String, String> values = new HashMap<>();
    final Set<String> flags = new HashSet<>();

    private Args(String command) {
        this.command = command;
    }

    /**
     * Parses {@code args}; on a mistake prints one line to {@code err} and sets {@link #outcome} to ERROR.
     *
     * @param valueOptions options of this command that take a value ({@code --png})
     * @param flagOptions  options of this command that stand alone ({@code --all})
     */
    static Args parse(String command, String[] args, Set<String> valueOptions, Set<String> flagOptions,
                      PrintStream err) {
        Args a = new Args(command);
        for (int i = 0; i < args.length && a.outcome == Outcome.OK; i++) {
            String arg = args[i];
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean takesValue = name.equals("--format") || name.equals("--role") || valueOptions.contains(name);
            String value = null;
            if (takesValue) {
                if (!name.equals(arg)) {
                    value = arg.substring(name.length() + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    a.fail(err, name + " needs a value");
                    break;
                }
            }
            if (name.equals("--help") || name.equals("-h")) {
                a.outcome = Outcome.HELP;
            } else if (name.equals("--format")) {
                a.format = value;
                if (!value.equals("json") && !value.equals("text")) {
                    a.fail(err, "--format is json or text, not " + value);
                }
            } else if (name.equals("--role")) {
                String problem = addRole(value, a.roles);
                if (problem != null) {
                    a.fail(err, problem);
                }
            } else if (name.equals("--name") && valueOptions.contains(name)) {
                int eq = value.lastIndexOf('=');
                if (eq <= 0 || value.substring(eq + 1).isBlank()) {
                    a.fail(err, "--name takes ADDRESS=NAME, not " + value);
                } else {
                    a.names.put(value.substring(0, eq).trim(), value.substring(eq + 1).strip());
                }
            } else if (takesValue) {
                a.values.put(name, value);
            } else if (flagOptions.contains(name)) {
                a.flags.add(name);
            } else if (arg.startsWith("-")) {
                a.fail(err, "unknown option " + arg);
            } else if (a.file == null) {
                a.file = Path.of(arg);
            } else {
                a.fail(err, "one capture file at a time");
            }
        }
        return a;
    }

    /** Prints {@code turnladder COMMAND: problem} and marks the arguments as wrong. */
    void fail(PrintStream err, String problem) {
        err.println("turnladder " + command + ": " + problem);
        outcome = Outcome.ERROR;
    }

    /** Parses {@code 192.0.2.50=EXPRESSWAY_E} (role names as in the JSON, any case, '-' for '_'). */
    static String addRole(String spec, Map<String, Role> roles) {
        int eq = spec.lastIndexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            return "--role takes ADDRESS=ROLE, not " + spec;
        }
        String name = spec.substring(eq + 1).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            roles.put(spec.substring(0, eq).trim(), Role.valueOf(name));
            return null;
        } catch (IllegalArgumentException e) {
            return "unknown role " + spec.substring(eq + 1) + " (roles: SKYPE_CLIENT, SKYPE_EDGE, SKYPE_FRONT_END, "
                    + "EXPRESSWAY_E, EXPRESSWAY_C, CMS, UNKNOWN)";
        }
    }

    /** The exception's message on one line, for the one-line errors the commands print. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }
}
