package org.turnladder.app.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Drops files on a node the way a file manager does: DRAG_OVER, then DRAG_DROPPED if the window accepted. The
 * Dragboard is a real one over a small in-memory clipboard (JavaFX's own helper makes it; on the classpath its
 * packages are open).
 */
final class FileDrops {
    private FileDrops() {
    }

    /** What happened to a drop. */
    record Result(boolean accepted, boolean completed) {
    }

    static Result drop(Node target, List<Path> files) {
        Dragboard board = DragboardHelper.createDragboard(new MemoryClipboard());
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        board.setContent(content);
        DragEvent over = event(target, DragEvent.DRAG_OVER, board, null);
        Event.fireEvent(target, over);
        if (!over.isAccepted()) {
            return new Result(false, false);
        }
        DragEvent drop = event(target, DragEvent.DRAG_DROPPED, board, TransferMode.COPY);
        Event.fireEvent(target, drop);
        return new Result(true, drop.isDropCompleted());
    }

    private static DragEvent event(Node target, javafx.event.EventType<DragEvent> type, Dragboard board,
                                   TransferMode mode) {
        var b = target.localToScene(target.getLayoutBounds());
        double x = b.getCenterX();
        double y = b.getCenterY();
        return new DragEvent(target, target, type, board, x, y, x, y, mode == null ? TransferMode.COPY : mode, null,
                target, null);
    }

    /** Holds what is put on it; offers copy. */
    private static final class MemoryClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        @Override
        public void setSecurityContext(AccessControlContext ctx) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... items) {
            content.clear();
            for (Pair<DataFormat, Object> p : items) {
                content.put(p.getKey(), p.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat f) {
            return content.get(f);
        }

        @Override
        public boolean hasContent(DataFormat f) {
            return content.containsKey(f);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double v) {
        }

        @Override
        public void setDragViewOffsetY(double v) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
