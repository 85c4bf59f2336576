package org.turnladder.app.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.document.CaptureDocument;
import org.turnladder.ladder.LadderFeed;
import org.turnladder.views.roles.RoleChoice;

/**
 * Reads, decodes and analyses one capture off the JavaFX thread, reporting progress (bytes read) and a message
 * (frames and messages so far); {@link #cancel()} stops the reading within a few thousand frames.
 */
public final class LoadTask extends Task<LoadedCapture> {
    private final Path file;
    private final Map<String, RoleChoice> choices;

    public LoadTask(Path file, Map<String, RoleChoice> choices) {
        this.file = file;
        this.choices = Map.copyOf(choices);
        updateTitle(file.getFileName().toString());
    }

    @Override
    protected LoadedCapture call() throws Exception {
        updateMessage("Opening " + file.getFileName() + "…");
        Map<String, Role> overrides = RoleMemory.overrides(choices);
        CaptureDocument doc = CaptureDocument.load(file, overrides, (bytes, total, frames, messages) -> {
            updateProgress(bytes, Math.max(1, total));
            updateMessage(String.format("Reading %s: %,d frames, %,d messages", file.getFileName(), frames,
                    messages));
        }, this::isCancelled);
        if (isCancelled()) {
            throw new CancellationException();
        }
        updateMessage("Building the ladder of " + file.getFileName() + "…");
        LadderFeed feed = new LadderFeed();
        int n = 0;
        for (DecodedMessage m : doc.messages()) {
            feed.add(m);
            if ((++n & 8191) == 0 && isCancelled()) {
                throw new CancellationException();
            }
        }
        Analysis analysis = doc.analysis();
        Map<String, Role> detected = new HashMap<>();
        if (overrides.isEmpty()) {
            for (RoleAssignment r : analysis.roles()) {
                detected.put(r.address(), r.role());
            }
        } else {
            for (RoleAssignment r : doc.analysis(Map.of()).roles()) {
                for (String a : r.addresses()) {
                    detected.put(a, r.role());
                }
            }
            analysis = doc.analysis(overrides);
        }
        updateProgress(1, 1);
        return new LoadedCapture(doc, feed, analysis, detected, choices);
    }
}
