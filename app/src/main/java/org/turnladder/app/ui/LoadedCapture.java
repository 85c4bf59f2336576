package org.turnladder.app.ui;

import java.util.Map;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Role;
import org.turnladder.document.CaptureContent;
import org.turnladder.ladder.LadderModel;
import org.turnladder.views.roles.RoleChoice;

/**
 * A capture ready for a pane: its content (a file read in the background, or a capture still running), the first
 * ladder (built off the JavaFX thread with the default filters), the analysis with the user's remembered choices,
 * and the roles detection gave before those choices.
 *
 * @param detected role per main address without the user's overrides
 * @param choices  the user's remembered roles and names, by address
 */
public record LoadedCapture(CaptureContent content, LadderModel ladder, Analysis analysis,
                            Map<String, Role> detected, Map<String, RoleChoice> choices) {
    public LoadedCapture {
        detected = Map.copyOf(detected);
        choices = Map.copyOf(choices);
    }

    /** Analyses the content as of now and builds its first ladder (off the JavaFX thread: it costs a build). */
    public static LoadedCapture of(CaptureContent content, Map<String, RoleChoice> choices) {
        Map<String, Role> overrides = RoleMemory.overrides(choices);
        return content.consistent(() -> {
            Analysis plain = content.analysis(Map.of());
            Analysis analysis = overrides.isEmpty() ? plain : content.analysis(overrides);
            LadderModel ladder = content.ladder(BoxColumns.of(analysis, choices), analysis.findings(),
                    new LadderFilters().options());
            return new LoadedCapture(content, ladder, analysis, detectedRoles(plain), choices);
        });
    }

    /** Role per address as detection gave it (an analysis without the user's choices). */
    static Map<String, Role> detectedRoles(Analysis plain) {
        Map<String, Role> detected = new java.util.HashMap<>();
        for (var r : plain.roles()) {
            for (String a : r.addresses()) {
                detected.put(a, r.role());
            }
        }
        return detected;
    }
}
