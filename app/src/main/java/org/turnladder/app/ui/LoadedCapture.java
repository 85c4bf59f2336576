package org.turnladder.app.ui;

import java.util.Map;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Role;
import org.turnladder.document.CaptureDocument;
import org.turnladder.ladder.LadderFeed;
import org.turnladder.views.roles.RoleChoice;

/**
 * A capture read in the background, ready for a tab: the document, the ladder entries (fed once; every filter or
 * role change rebuilds the ladder from them), the analysis with the user's remembered choices, and the roles
 * detection gave before those choices.
 *
 * @param detected role per main address without the user's overrides
 * @param choices  the user's remembered roles and names, by address
 */
public record LoadedCapture(CaptureDocument document, LadderFeed feed, Analysis analysis,
                            Map<String, Role> detected, Map<String, RoleChoice> choices) {
    public LoadedCapture {
        detected = Map.copyOf(detected);
        choices = Map.copyOf(choices);
    }
}
