package org.turnladder.analysis;

import java.util.List;

/**
 * Something that went wrong (or is worth knowing), said the way an engineer would say it, with the frames that
 * prove it.
 *
 * @param id       stable identifier, {@code area.what} ("turn.connect-failed")
 * @param severity error, warning or info
 * @param title    one line
 * @param detail   the explanation in the engineer's terms, with the concrete addresses, codes and times
 * @param fix      what to change or check
 * @param frames   1-based frame numbers that show it, ascending
 */
public record Finding(String id, Severity severity, String title, String detail, String fix, List<Long> frames) {
    public Finding {
        frames = frames.stream().distinct().sorted().toList();
    }
}
