package org.turnladder.views.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.turnladder.analysis.Role;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.ladder.Columns;
import org.turnladder.ladder.LadderColumn;
import org.turnladder.ladder.LadderLayout;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderRow;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.ladder.TimeMode;

/** The ladder control in a real (headless) stage: columns, rows, clicking, keys, scrolling, big ladders. */
@ExtendWith(ApplicationExtension.class)
class LadderViewTest {
    private static final List<DecodedMessage> RFC6062 = TestCaptures.decode(TestCaptures.path("coturn-rfc6062.pcapng"));
    private static final RoleColumns ROLES = new RoleColumns(Map.of("127.0.0.4", Role.SKYPE_EDGE,
            "127.0.0.2", Role.EXPRESSWAY_E, "127.0.0.3", Role.CMS), Map.of());

    private LadderView view;

    @Start
    void start(Stage stage) {
        view = new LadderView();
        view.setModel(LadderModel.build(RFC6062, ROLES, List.of(), LadderOptions.showAll()));
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    @Test
    void showsTheColumnsByRoleAndOneRowPerMessage() {
        LadderModel m = view.getModel();
        assertThat(m.columns()).extracting(LadderColumn::headerText)
                .containsExactly("Skype Edge\n127.0.0.4", "Expressway-E\n127.0.0.2", "CMS\n127.0.0.3");
        assertThat(m.rowCount()).isEqualTo(RFC6062.size());
        LadderRow connect = m.row(7);
        assertThat(connect.label()).isEqualTo("Connect peer=127.0.0.4:52044 → Success cid=0xbcf6d200");
        assertThat(connect.from()).isEqualTo(1);
        assertThat(connect.to()).isEqualTo(2);
        LadderLayout l = view.getLadderLayout();
        assertThat(l.columnX(0)).isLessThan(l.columnX(1));
        assertThat(l.columnX(1)).isLessThan(l.columnX(2));
    }

    @Test
    void aNewModelWithFewerColumnsReplacesTheSelectedOne(FxRobot robot) {
        robot.clickOn(screen(view.arrowCenter(12)));
        LadderModel oneColumnPair = LadderModel.build(RFC6062.subList(0, 4), ROLES, List.of(),
                LadderOptions.showAll());
        robot.interact(() -> view.setModel(oneColumnPair));
        assertThat(view.getSelectedRow()).isEqualTo(-1);
        assertThat(view.getLadderLayout()).isNotNull();
        robot.interact(() -> view.select(1));
        assertThat(view.getSelectedRow()).isEqualTo(1);
    }

    @Test
    void clickingAnArrowSelectsItsRow(FxRobot robot) {
        robot.clickOn(screen(view.arrowCenter(7)));
        assertThat(view.getSelectedRow()).isEqualTo(7);
        robot.clickOn(screen(view.arrowCenter(12)));
        assertThat(view.getSelectedRow()).isEqualTo(12);
    }

    @Test
    void arrowKeysMoveTheSelection(FxRobot robot) {
        robot.clickOn(screen(view.arrowCenter(3)));
        robot.type(KeyCode.DOWN);
        assertThat(view.getSelectedRow()).isEqualTo(4);
        robot.type(KeyCode.UP, 2);
        assertThat(view.getSelectedRow()).isEqualTo(2);
        robot.type(KeyCode.END);
        assertThat(view.getSelectedRow()).isEqualTo(view.getModel().rowCount() - 1);
        robot.type(KeyCode.HOME);
        assertThat(view.getSelectedRow()).isZero();
        robot.type(KeyCode.UP);
        assertThat(view.getSelectedRow()).isZero();
    }

    @Test
    void enterActivatesTheSelectedRow(FxRobot robot) {
        AtomicReference<LadderRow> activated = new AtomicReference<>();
        view.setOnRowActivated(activated::set);
        robot.clickOn(screen(view.arrowCenter(5)));
        robot.type(KeyCode.ENTER);
        assertThat(activated.get()).isNotNull();
        assertThat(activated.get().index()).isEqualTo(5);
    }

    @Test
    void theSelectedRowIsDrawnHighlighted(FxRobot robot) {
        robot.interact(() -> view.select(4));
        WritableImage shot = snapshot(robot);
        double y = LadderLayout.HEADER_HEIGHT + view.getLadderLayout().rowY(4) + 3;
        assertThat(shot.getPixelReader().getColor(20, (int) y)).isEqualTo(LadderPalette.SELECTED_ROW);
        double other = LadderLayout.HEADER_HEIGHT + view.getLadderLayout().rowY(6) + 3;
        assertThat(shot.getPixelReader().getColor(20, (int) other)).isNotEqualTo(LadderPalette.SELECTED_ROW);
    }

    @Test
    void aHundredThousandRowsScrollWithViewportSizedCanvases(FxRobot robot) {
        List<DecodedMessage> many = new ArrayList<>(100_100);
        while (many.size() < 100_000) {
            many.addAll(RFC6062);
        }
        LadderModel big = LadderModel.build(many, ROLES, List.of(), LadderOptions.showAll());
        robot.interact(() -> view.setModel(big));
        long t0 = System.nanoTime();
        robot.interact(() -> view.select(big.rowCount() - 1));
        robot.interact(() -> {
            for (int r = 0; r < big.rowCount(); r += 997) {
                view.scrollToRow(r);
                view.layout();
            }
        });
        double ms = (System.nanoTime() - t0) / 1e6;
        assertThat(ms / (big.rowCount() / 997)).as("ms per scroll step").isLessThan(50);
        robot.interact(() -> view.select(big.rowCount() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        int first = view.firstVisibleRow();
        assertThat(first).isGreaterThan(big.rowCount() - view.visibleRowCount() - 2);
        view.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.canvas.Canvas)
                .forEach(c -> assertThat(((javafx.scene.canvas.Canvas) c).getHeight())
                        .isLessThanOrEqualTo(view.getHeight()));
        // the last row is drawn: the selection colour is at the bottom of the viewport
        WritableImage shot = snapshot(robot);
        boolean found = false;
        for (int y = (int) view.getHeight() - 1; y > view.getHeight() - 80 && !found; y--) {
            found = shot.getPixelReader().getColor(20, y).equals(LadderPalette.SELECTED_ROW);
        }
        assertThat(found).as("selected last row visible at the bottom").isTrue();
    }

    @Test
    void scrollToFrameSelectsTheRowOfThatFrame(FxRobot robot) {
        robot.interact(() -> assertThat(view.scrollToFrame(59)).isTrue());
        assertThat(view.getModel().row(view.getSelectedRow()).frame()).isEqualTo(59);
    }

    @Test
    void timeModeChangesTheTimeColumn(FxRobot robot) {
        robot.interact(() -> view.setTimeMode(TimeMode.DELTA));
        assertThat(TimeMode.DELTA.format(view.getModel(), 1)).startsWith("+0.000");
        assertThat(view.getLadderLayout().timeWidth()).isPositive();
    }

    @Test
    void aLadderOfThousandsOfColumnsDrawsTheColumnsScrolledIntoView(FxRobot robot) {
        int n = 3000;
        List<DecodedMessage> hops = new ArrayList<>(n);
        for (int h = 0; h + 1 < n; h++) {
            hops.add(Hops.message(h, h + 1));
        }
        hops.add(Hops.message(0, n - 1)); // row n - 1: an arrow across the whole ladder
        LadderModel wide = LadderModel.build(hops, Columns.byHost(), List.of(),
                LadderOptions.showAll().withColumnsPerRole(0));
        assertThat(wide.columns()).hasSize(n);
        robot.interact(() -> view.setModel(wide));
        robot.interact(() -> view.select(1500)); // the arrow from column 1500 to 1501, far right of the start
        WaitForAsyncUtils.waitForFxEvents();
        LadderLayout l = view.getLadderLayout();
        Point2D arrow = view.arrowCenter(1500);
        assertThat(arrow.getX()).as("scrolled sideways to the selected arrow").isBetween(l.gutter(), view.getWidth());
        double scroll = (l.columnX(1500) + l.columnX(1501)) / 2 - arrow.getX();
        int[] painted = LadderPainter.columnsToPaint(l, scroll, 0, view.getWidth());
        assertThat(painted[1] - painted[0]).as("columns drawn").isLessThan(15);
        assertThat(painted[0]).isLessThanOrEqualTo(1500);
        assertThat(painted[1]).isGreaterThan(1501);
        // the columns on screen are drawn: the lifeline of column 1501 under its header box and beside the rows
        WritableImage shot = snapshot(robot);
        int x = (int) Math.floor(l.columnX(1501) - scroll);
        assertThat(shot.getPixelReader().getColor(x, (int) LadderLayout.HEADER_HEIGHT - 4))
                .isEqualTo(LadderPalette.LIFELINE);
        int rowTop = (int) Math.ceil(arrow.getY() - LadderLayout.ROW_HEIGHT * 0.7);
        assertThat(shot.getPixelReader().getColor(x, rowTop + 2)).isEqualTo(LadderPalette.LIFELINE);
        // an arrow wider than the view: its middle, where the label is, comes into view
        robot.interact(() -> view.select(n - 1));
        assertThat(view.arrowCenter(n - 1).getX()).isBetween(l.gutter(), view.getWidth());
    }

    private WritableImage snapshot(FxRobot robot) {
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(view.snapshot(null, null)));
        return img.get();
    }

    private Point2D screen(Point2D local) {
        return view.localToScreen(local);
    }
}
