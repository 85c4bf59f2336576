package org.turnladder.app.cli;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderProtocol;

/**
 * The window's filters on the command line, so a script can draw the ladder of one call, or without the noise of
 * refreshes, as an engineer would in the window before exporting: {@code --protocols sip,turn}, {@code --hide
 * refreshes,keep-alives,retransmissions}, {@code --call CALL-ID}.
 */
final class ExportFilters {
    static final Set<String> OPTIONS = Set.of("--protocols", "--hide", "--call");

    private ExportFilters() {
    }

    /**
     * Applies the filter options given to {@code base}.
     *
     * @return the options, or null after saying on {@code a} what was wrong
     */
    static LadderOptions apply(Args a, LadderOptions base, java.io.PrintStream err) {
        LadderOptions o = base;
        String protocols = a.values.get("--protocols");
        if (protocols != null) {
            Set<LadderProtocol> shown = EnumSet.noneOf(LadderProtocol.class);
            for (String p : protocols.split(",")) {
                try {
                    shown.add(LadderProtocol.valueOf(p.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    a.fail(err, "--protocols takes a list of sip, stun, turn, ice, channeldata, not " + p.strip());
                    return null;
                }
            }
            o = o.withProtocols(shown);
        }
        String hide = a.values.get("--hide");
        if (hide != null) {
            for (String h : hide.split(",")) {
                switch (h.strip().toLowerCase(Locale.ROOT)) {
                    case "refreshes" -> o = o.withHideRefreshes(true);
                    case "keep-alives", "keepalives" -> o = o.withHideKeepAlives(true);
                    case "retransmissions" -> o = o.withHideRetransmissions(true);
                    default -> {
                        a.fail(err, "--hide takes a list of refreshes, keep-alives, retransmissions, not "
                                + h.strip());
                        return null;
                    }
                }
            }
        }
        String call = a.values.get("--call");
        if (call != null) {
            o = o.withCall(call.strip());
        }
        return o;
    }
}
