package org.turnladder.app.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;
import org.turnladder.analysis.Role;
import org.turnladder.document.CaptureDocument;
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
        LoadedCapture loaded = LoadedCapture.of(doc, choices);
        updateProgress(1, 1);
        return loaded;
    }
}
