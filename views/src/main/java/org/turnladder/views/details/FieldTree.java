package org.turnladder.views.details;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.turnladder.decode.ByteLocator;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.Field;

/**
 * A decoded message as a tree of fields, like Wireshark's packet details: where it came from first, then every
 * field of the payload. Selecting a field publishes its byte range (message offsets) for the hex view; the reverse
 * way, {@link #selectByteAt} selects the deepest field holding a byte.
 */
public class FieldTree extends TreeView<FieldTree.Node> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS")
            .withZone(ZoneOffset.UTC);

    /** One line of the tree; {@code length} 0 for lines that describe rather than cover bytes. */
    public record Node(String name, String value, int offset, int length, boolean warning) {
        @Override
        public String toString() {
            return value == null || value.isEmpty() ? name : name + ": " + value;
        }
    }

    /** A byte range of the message, in the message's own offsets. */
    public record Range(int offset, int length) {
    }

    private final ObjectProperty<DecodedMessage> message = new SimpleObjectProperty<>(this, "message");
    private final ReadOnlyObjectWrapper<Range> selectedRange = new ReadOnlyObjectWrapper<>(this, "selectedRange");

    public FieldTree() {
        getStyleClass().add("field-tree");
        setShowRoot(false);
        setCellFactory(t -> new NodeCell());
        message.addListener((o, a, m) -> setRoot(m == null ? null : build(m)));
        getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            Node n = item == null ? null : item.getValue();
            selectedRange.set(n == null || n.length() == 0 ? null : new Range(n.offset(), n.length()));
        });
    }

    public ObjectProperty<DecodedMessage> messageProperty() {
        return message;
    }

    public void setMessage(DecodedMessage m) {
        message.set(m);
    }

    /** The byte range of the selected field, or null. */
    public ReadOnlyObjectProperty<Range> selectedRangeProperty() {
        return selectedRange.getReadOnlyProperty();
    }

    /** Selects the deepest field that holds message byte {@code offset}; returns whether one does. */
    public boolean selectByteAt(int offset) {
        DecodedMessage m = message.get();
        if (m == null || getRoot() == null) {
            return false;
        }
        List<Field> path = ByteLocator.path(m.payload().fields(), offset);
        if (path.isEmpty()) {
            return false;
        }
        // the payload's fields hang under its line, the second of the tree (after the frame line)
        TreeItem<Node> item = getRoot().getChildren().get(1);
        for (Field f : path) {
            TreeItem<Node> next = null;
            for (TreeItem<Node> child : item.getChildren()) {
                Node n = child.getValue();
                if (n.offset() == f.offset() && n.length() == f.length() && n.name().equals(f.name())) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            item.setExpanded(true);
            item = next;
        }
        getSelectionModel().select(item);
        scrollTo(getRow(item));
        return true;
    }

    static TreeItem<Node> build(DecodedMessage m) {
        TreeItem<Node> root = new TreeItem<>(new Node("", "", 0, 0, false));
        int total = m.spans().stream().mapToInt(s -> s.length()).sum();
        String frames = m.spans().stream().map(s -> Long.toString(s.frame())).distinct()
                .reduce((a, b) -> a + ", " + b).orElse(Long.toString(m.frame()));
        TreeItem<Node> where = new TreeItem<>(new Node("Frame " + m.frame(), TIME.format(
                Instant.ofEpochSecond(0, m.epochNanos())) + " UTC", 0, 0, false));
        where.getChildren().add(leaf("Bytes from frames", frames + " (" + total + " bytes)"));
        where.getChildren().add(leaf("Source", m.src().toString()));
        where.getChildren().add(leaf("Destination", m.dst().toString()));
        where.getChildren().add(leaf("Transport", m.transport() + (m.connection() >= 0
                ? " (tcp.stream " + m.connection() + ")" : "")));
        where.getChildren().add(leaf("Framing", m.framing().json()));
        root.getChildren().add(where);
        TreeItem<Node> payload = new TreeItem<>(new Node(m.protocol(), m.payload().summary(), 0, total, false));
        payload.setExpanded(true);
        for (Field f : m.payload().fields()) {
            payload.getChildren().add(item(f));
        }
        root.getChildren().add(payload);
        List<String> warnings = m.allWarnings();
        if (!warnings.isEmpty()) {
            TreeItem<Node> w = new TreeItem<>(new Node("Warnings", Integer.toString(warnings.size()), 0, 0, true));
            w.setExpanded(true);
            for (String text : warnings) {
                w.getChildren().add(new TreeItem<>(new Node(text, "", 0, 0, true)));
            }
            root.getChildren().add(w);
        }
        return root;
    }

    private static TreeItem<Node> leaf(String name, String value) {
        return new TreeItem<>(new Node(name, value, 0, 0, false));
    }

    private static TreeItem<Node> item(Field f) {
        TreeItem<Node> i = new TreeItem<>(new Node(f.name(), f.value(), f.offset(), f.length(), false));
        for (Field c : f.children()) {
            i.getChildren().add(item(c));
        }
        return i;
    }

    private static final class NodeCell extends TreeCell<Node> {
        @Override
        protected void updateItem(Node n, boolean empty) {
            super.updateItem(n, empty);
            getStyleClass().remove("field-warning");
            if (empty || n == null) {
                setText(null);
                return;
            }
            setText(n.toString());
            if (n.warning()) {
                getStyleClass().add("field-warning");
            }
        }
    }
}
