package org.turnladder.views.bytes;

import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Frame bytes as offset, hex and ASCII, sixteen to a line, like Wireshark's bytes pane. One range can be
 * highlighted (the selected field); clicking a byte reports its offset so the field tree can select the field
 * that holds it. Lines are virtualised, so a 64 KiB frame costs no more than a short one.
 */
public class HexView extends ListView<Integer> {
    public static final int BYTES_PER_LINE = 16;
    private static final Font MONO = Font.font("Monospaced", 12);

    /** A highlighted byte range of the frame. */
    public record Range(int offset, int length) {
        boolean contains(int i) {
            return i >= offset && i < offset + length;
        }
    }

    private final ObjectProperty<byte[]> bytes = new SimpleObjectProperty<>(this, "bytes", new byte[0]);
    private final ObjectProperty<Range> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final ObjectProperty<Integer> clickedOffset = new SimpleObjectProperty<>(this, "clickedOffset");

    public HexView() {
        getStyleClass().add("hex-view");
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setCellFactory(v -> new LineCell());
        bytes.addListener((o, a, b) -> {
            int lines = (b.length + BYTES_PER_LINE - 1) / BYTES_PER_LINE;
            setItems(FXCollections.observableArrayList(IntStream.range(0, lines).boxed().toList()));
            highlight.set(null);
        });
        highlight.addListener((o, a, r) -> {
            refresh();
            if (r != null && r.length() > 0) {
                scrollTo(Math.max(0, r.offset() / BYTES_PER_LINE - 1));
            }
        });
    }

    public ObjectProperty<byte[]> bytesProperty() {
        return bytes;
    }

    public void setBytes(byte[] b) {
        bytes.set(b == null ? new byte[0] : b);
    }

    public byte[] getBytes() {
        return bytes.get();
    }

    public ObjectProperty<Range> highlightProperty() {
        return highlight;
    }

    public Range getHighlight() {
        return highlight.get();
    }

    public void setHighlight(Range r) {
        highlight.set(r);
    }

    /** The frame offset of the byte the user clicked last. */
    public ObjectProperty<Integer> clickedOffsetProperty() {
        return clickedOffset;
    }

    /** The text of one line, as the view shows it: for tests and copying. */
    public String lineText(int line) {
        byte[] b = bytes.get();
        StringBuilder hex = new StringBuilder();
        StringBuilder ascii = new StringBuilder();
        int start = line * BYTES_PER_LINE;
        for (int i = 0; i < BYTES_PER_LINE; i++) {
            int at = start + i;
            if (at < b.length) {
                hex.append(String.format("%02x ", b[at] & 0xff));
                int c = b[at] & 0xff;
                ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
            } else {
                hex.append("   ");
            }
            if (i == 7) {
                hex.append(' ');
            }
        }
        return String.format("%04x  ", start) + hex + " " + ascii;
    }

    private final class LineCell extends ListCell<Integer> {
        private final HBox hexFlow = new HBox();
        private final HBox asciiFlow = new HBox();
        private final Text offset = new Text();
        private final HBox box = new HBox(12, offset, hexFlow, asciiFlow);

        LineCell() {
            offset.setFont(MONO);
            offset.getStyleClass().add("hex-offset");
            box.setPadding(new Insets(0, 4, 0, 4));
            setGraphic(null);
        }

        @Override
        protected void updateItem(Integer line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            byte[] b = bytes.get();
            int start = line * BYTES_PER_LINE;
            offset.setText(String.format("%04x", start));
            hexFlow.getChildren().clear();
            asciiFlow.getChildren().clear();
            Range r = highlight.get();
            for (int i = 0; i < BYTES_PER_LINE && start + i < b.length; i++) {
                int at = start + i;
                int c = b[at] & 0xff;
                // Labels, not Text: a highlighted byte needs a background
                Label h = new Label(String.format("%02x", c) + (i == 7 ? "  " : " "));
                Label a = new Label(String.valueOf(c >= 0x20 && c < 0x7f ? (char) c : '.'));
                for (Label t : new Label[] {h, a}) {
                    t.setFont(MONO);
                    t.setPadding(Insets.EMPTY);
                    t.getStyleClass().add(r != null && r.contains(at) ? "hex-highlight" : "hex-byte");
                    t.setOnMouseClicked(e -> {
                        clickedOffset.set(null); // report a second click on the same byte too
                        clickedOffset.set(at);
                    });
                }
                hexFlow.getChildren().add(h);
                asciiFlow.getChildren().add(a);
            }
            setGraphic(box);
        }
    }
}
