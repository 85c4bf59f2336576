package org.turnladder.app.ui;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongFunction;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import org.turnladder.capture.FrameSpan;
import org.turnladder.decode.ByteLocator;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.views.bytes.HexView;
import org.turnladder.views.details.FieldTree;

/**
 * The selected message in depth, like Wireshark's lower panes: its fields as a tree beside the bytes of the frame
 * holding it. Selecting a field highlights its bytes (switching to the frame that holds the field's first byte
 * when the message spans several); clicking a byte selects the field that holds it. "Copy Wireshark filter"
 * puts a display filter for the frame, transaction, call or conversation on the clipboard.
 */
public final class DetailsPane extends BorderPane {
    private final FieldTree tree = new FieldTree();
    private final HexView hex = new HexView();
    private final Label title = new Label("Select an arrow to see its fields and bytes");
    private final MenuButton copyFilter = new MenuButton("Copy Wireshark filter");
    private final LongFunction<byte[]> frameBytes;
    private DecodedMessage message;
    private long shownFrame = -1;

    /** @param frameBytes the captured bytes of a frame, null if unknown */
    public DetailsPane(LongFunction<byte[]> frameBytes) {
        this.frameBytes = frameBytes;
        getStyleClass().add("details-pane");
        title.getStyleClass().add("details-title");
        copyFilter.setDisable(true);
        copyFilter.setTooltip(new Tooltip("A display filter that finds this message (or its conversation) in Wireshark"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        setTop(new ToolBar(title, gap, copyFilter));
        SplitPane split = new SplitPane(tree, hex);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        hex.setMinWidth(300);
        setCenter(split);
        tree.selectedRangeProperty().addListener((o, a, r) -> highlight(r));
        hex.clickedOffsetProperty().addListener((o, a, off) -> {
            if (off != null && message != null) {
                OptionalInt at = ByteLocator.toMessage(message.spans(), shownFrame, off);
                if (at.isPresent()) {
                    selectByteAt(at.getAsInt());
                }
            }
        });
    }

    /** Shows a message (null clears). */
    public void show(DecodedMessage m) {
        message = m;
        tree.setMessage(m);
        copyFilter.getItems().clear();
        copyFilter.setDisable(m == null);
        if (m == null) {
            title.setText("Select an arrow to see its fields and bytes");
            showFrame(-1);
            return;
        }
        title.setText("Frame " + m.frame() + " · " + m.protocol() + " · " + m.payload().summary());
        for (WiresharkFilters.Filter f : WiresharkFilters.of(m)) {
            MenuItem item = new MenuItem(f.label() + ":  " + f.text());
            item.setOnAction(e -> copy(f.text()));
            copyFilter.getItems().add(item);
        }
        showFrame(m.spans().isEmpty() ? m.frame() : m.spans().get(0).frame());
        // like Wireshark: the protocol line starts selected, so the message's bytes stand out in the frame
        if (tree.getRoot() != null && tree.getRoot().getChildren().size() > 1) {
            tree.getSelectionModel().select(tree.getRoot().getChildren().get(1));
        }
    }

    /** Puts text on the system clipboard. */
    static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    public FieldTree fieldTree() {
        return tree;
    }

    public HexView hexView() {
        return hex;
    }

    public MenuButton copyFilterButton() {
        return copyFilter;
    }

    /** Frame whose bytes the hex view shows, -1 if none. */
    public long shownFrame() {
        return shownFrame;
    }

    public DecodedMessage message() {
        return message;
    }

    /** Selects the deepest field holding a message byte. */
    public boolean selectByteAt(int messageOffset) {
        return tree.selectByteAt(messageOffset);
    }

    private void showFrame(long frame) {
        if (frame == shownFrame) {
            return;
        }
        shownFrame = frame;
        byte[] b = frame < 0 ? null : frameBytes.apply(frame);
        hex.setBytes(b);
    }

    /** Message range → frame spans → the frame holding the first byte, highlighting this frame's part. */
    private void highlight(FieldTree.Range r) {
        if (r == null || message == null) {
            hex.setHighlight(null);
            return;
        }
        List<FrameSpan> at = ByteLocator.toFrames(message.spans(), r.offset(), r.length());
        if (at.isEmpty()) {
            hex.setHighlight(null);
            return;
        }
        long frame = at.get(0).frame();
        showFrame(frame);
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (FrameSpan s : at) {
            if (s.frame() == frame) {
                from = Math.min(from, s.frameOffset());
                to = Math.max(to, s.frameOffset() + s.length());
            }
        }
        hex.setHighlight(new HexView.Range(from, to - from));
    }
}
