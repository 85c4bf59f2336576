package org.turnladder.app.ui;

import java.util.Map;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Role;
import org.turnladder.document.CaptureContent;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderSnapshot;
import javafx.scene.control.TreeItem;
import org.turnladder.views.roles.RoleChoice;
import org.turnladder.views.sessions.SessionItem;
import org.turnladder.views.sessions.SessionsPanel;

/**
 * A capture ready for a pane: its content (a file read in the background, or a capture still running), the first
 * ladder (built off the JavaFX thread with the default filters), the analysis with the user's remembered choices,
 * and the roles detection gave before those choices.
 *
 * @param detected role per main address without the user's overrides
 * @param choices  the user's remembered roles and names, by address
 * @param sessions the lines of the sessions panel for {@code analysis}, built with the rest (thousands of
 *                 allocations take a while to describe)
 */
public record LoadedCapture(CaptureContent content, LadderModel ladder, Analysis analysis,
                            Map<String, Role> detected, Map<String, RoleChoice> choices,
                            TreeItem<SessionItem> sessions) {
    public LoadedCapture {
        detected = Map.copyOf(detected);
        choices = Map.copyOf(choices);
    }

    /** Analyses the content as of now and builds its first ladder (off the JavaFX thread: it costs a build). */
    public static LoadedCapture of(CaptureContent content, Map<String, RoleChoice> choices) {
        Map<String, Role> overrides = RoleMemory.overrides(choices);
        // the analyses and the entries see the same packets; the ladder is built without holding a capture up
        Taken t = content.consistent(() -> {
            Analysis plain = content.analysis(Map.of());
            return new Taken(plain, overrides.isEmpty() ? plain : content.analysis(overrides),
                    content.ladderSnapshot());
        });
        LadderModel ladder = LadderModel.build(t.entries(), BoxColumns.of(t.analysis(), choices),
                t.analysis().findings(), new LadderFilters().options());
        return new LoadedCapture(content, ladder, t.analysis(), detectedRoles(t.plain()), choices,
                SessionsPanel.tree(t.analysis()));
    }

    /** The analyses without and with the user's choices, and the ladder's entries, as of one moment. */
    private record Taken(Analysis plain, Analysis analysis, LadderSnapshot entries) {
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
