package org.turnladder.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.app.ui.TestWindow.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.capture.FrameSpan;
import org.turnladder.decode.ByteLocator;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.ladder.LadderColumn;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderProtocol;
import org.turnladder.views.bytes.HexView;
import org.turnladder.views.details.FieldTree;
import org.turnladder.views.export.LadderPngExporter;
import org.turnladder.views.roles.RoleChoice;

/** The whole window in a headless stage: drops, the ladder, details and bytes, findings, roles, export, errors. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Path REJECTED = TestCaptures.path("sipp-appsharing-rejected.pcap");
    private static final Path RFC6062 = TestCaptures.path("coturn-rfc6062.pcapng");

    private TestWindow shown;
    private MainWindow window;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        shown = new TestWindow(stage);
        window = shown.window();
    }

    @AfterEach
    void closeWindow() throws Exception {
        shown.close();
    }

    private List<CaptureTab> dropAndWait(FxRobot robot, Path... files) {
        List<CaptureTab> before = tabs();
        FileDrops.Result r = fx(() -> FileDrops.drop(window.tabs(), List.of(files)));
        assertThat(r.accepted()).as("the window accepts the drop").isTrue();
        assertThat(r.completed()).isTrue();
        List<CaptureTab> added = new ArrayList<>(tabs());
        added.removeAll(before);
        for (CaptureTab t : added) {
            waitLoaded(t);
        }
        return added;
    }

    private static void waitLoaded(CaptureTab t) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> t.capturePane() != null || t.error() != null);
        } catch (Exception e) {
            throw new AssertionError("capture did not load: " + t.getText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the pane's background builds are done and shown. */
    static void built(CapturePane p) {
        try {
            WaitForAsyncUtils.asyncFx(p::whenBuilt).get(20, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the ladder was not built", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<CaptureTab> tabs() {
        return window.tabs().getTabs().stream().filter(CaptureTab.class::isInstance).map(CaptureTab.class::cast)
                .toList();
    }


    private static Point2D screen(Node n, Point2D local) {
        return n.localToScreen(local);
    }

    @Test
    void droppingSeveralCapturesOpensOneTabEachAndIgnoresOtherFiles(FxRobot robot) throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a capture");
        List<CaptureTab> added = dropAndWait(robot, REJECTED, notes, RFC6062);
        assertThat(added).extracting(CaptureTab::getText)
                .containsExactly("sipp-appsharing-rejected.pcap", "coturn-rfc6062.pcapng");
        assertThat(added).allSatisfy(t -> assertThat(t.capturePane()).isNotNull());
        assertThat(window.tabs().getSelectionModel().getSelectedItem()).isSameAs(added.get(1));
        assertThat(window.recentFiles().list()).startsWith(RFC6062.toAbsolutePath().normalize(),
                REJECTED.toAbsolutePath().normalize());
    }

    @Test
    void aDropWithoutCapturesIsRefused() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a capture");
        FileDrops.Result r = fx(() -> FileDrops.drop(window.tabs(), List.of(notes)));
        assertThat(r.accepted()).isFalse();
        assertThat(tabs()).isEmpty();
    }

    @Test
    void theLadderShowsTheBoxesByRoleAndOneArrowPerMessage(FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        LadderModel m = p.ladder().getModel();
        assertThat(m.columns()).extracting(LadderColumn::headerText)
                .containsExactly("Skype Edge\n127.0.0.4", "Expressway-E\n127.0.0.2", "CMS\n127.0.0.3");
        assertThat(m.messageCount()).isEqualTo(31);
        assertThat(m.row(0).label()).isEqualTo("Allocate TCP");
        assertThat(m.row(0).from()).isEqualTo(2);
        assertThat(m.row(0).to()).isEqualTo(1);
        assertThat(m.rows()).extracting(r -> r.label())
                .contains("Connect peer=127.0.0.4:52044 → Success cid=0xbcf6d200");
        assertThat(window.statusBar().getText()).contains("102 frames", "31 messages");
    }

    @Test
    void theSipCaptureShowsTheRejectedShareAsAnEngineerWouldSayIt(FxRobot robot) {
        CapturePane p = dropAndWait(robot, REJECTED).get(0).capturePane();
        LadderModel m = p.ladder().getModel();
        assertThat(m.columns()).extracting(LadderColumn::title).containsExactly("Skype client", "Skype Front End");
        assertThat(m.rows()).extracting(r -> r.label()).containsExactly("INVITE m=applicationsharing",
                "100 Trying", "488 Not Acceptable Here · ms-diag 21002", "ACK");
        assertThat(m.row(2).findingIds()).contains("sip.attendees-cannot-share");
    }

    @Test
    void clickingAnArrowShowsItsFieldsAndSelectingAFieldHighlightsItsBytes(FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        LadderModel m = p.ladder().getModel();
        int row = m.find("Connect peer=").get(0);
        robot.clickOn(screen(p.ladder(), p.ladder().arrowCenter(row)));
        assertThat(p.ladder().getSelectedRow()).isEqualTo(row);
        DetailsPane d = p.details();
        DecodedMessage msg = d.message();
        assertThat(msg.frame()).isEqualTo(m.row(row).frame());
        FieldTree tree = d.fieldTree();
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue().name())
                .contains("Frame " + msg.frame(), "STUN");
        assertThat(d.hexView().getBytes()).isEqualTo(p.document().frameBytes(msg.spans().get(0).frame()).get());

        // select the Magic Cookie field: its four bytes light up in the frame
        TreeItem<FieldTree.Node> cookie = find(tree.getRoot(), "Magic Cookie");
        robot.interact(() -> tree.getSelectionModel().select(cookie));
        HexView.Range h = d.hexView().getHighlight();
        FrameSpan where = ByteLocator.toFrames(msg.spans(), 4, 4).get(0);
        assertThat(h).isEqualTo(new HexView.Range(where.frameOffset(), 4));
        byte[] frame = d.hexView().getBytes();
        assertThat(new byte[] {frame[h.offset()], frame[h.offset() + 1], frame[h.offset() + 2], frame[h.offset() + 3]})
                .containsExactly(0x21, 0x12, 0xa4, 0x42);

        // and the reverse: clicking a byte of the transaction id selects that field
        int txByte = ByteLocator.toFrames(msg.spans(), 10, 1).get(0).frameOffset();
        robot.interact(() -> d.hexView().clickedOffsetProperty().set(txByte));
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().name()).isEqualTo("Transaction ID");
        assertThat(d.hexView().getHighlight().offset()).isEqualTo(txByte - 2);
    }

    @Test
    void enterOnTheLadderMovesTheKeyboardToTheDetails(FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        robot.clickOn(screen(p.ladder(), p.ladder().arrowCenter(1)));
        robot.type(KeyCode.DOWN);
        assertThat(p.ladder().getSelectedRow()).isEqualTo(2);
        robot.type(KeyCode.ENTER);
        assertThat(p.details().fieldTree().isFocused()).isTrue();
    }

    @Test
    void copyWiresharkFilterOffersTheFrameTheStreamAndTheTransaction(FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        robot.interact(() -> p.ladder().select(0));
        assertThat(p.details().copyFilterButton().getItems()).extracting(i -> i.getText())
                .anyMatch(t -> t.equals("This frame:  frame.number == 4"))
                .anyMatch(t -> t.startsWith("This STUN transaction:  stun.id == "))
                .anyMatch(t -> t.equals("This TCP stream:  tcp.stream == 0"));
        robot.interact(() -> p.details().copyFilterButton().getItems().get(0).fire());
        String clip = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(clip).isEqualTo("frame.number == 4");
    }

    @Test
    void clickingAFindingSelectsItsFirstFrameInTheLadder(FxRobot robot) {
        CapturePane p = dropAndWait(robot, REJECTED).get(0).capturePane();
        robot.interact(() -> p.ladder().select(3));
        Finding f = p.currentFindings().stream().filter(x -> x.id().equals("sip.attendees-cannot-share"))
                .findFirst().orElseThrow();
        robot.clickOn(p.findings().cardOf(f));
        assertThat(p.ladder().getSelectedRow()).isZero();
        assertThat(p.ladder().getModel().row(0).frame()).isEqualTo(f.frames().get(0));
        assertThat(p.findings().selectedProperty().get()).isEqualTo(f);
    }

    @Test
    void changingARoleRenamesTheColumnAtOnceAndIsRemembered(FxRobot robot) {
        CaptureTab tab = dropAndWait(robot, REJECTED).get(0);
        CapturePane p = tab.capturePane();
        robot.interact(() -> p.sideTabs().getSelectionModel().select(2));
        int row = indexOfBox(p, "127.0.0.8");
        @SuppressWarnings("unchecked")
        ComboBox<Role> combo = (ComboBox<Role>) robot.lookup(".role-combo").queryAll().stream()
                .filter(n -> ((ComboBox<?>) n).getParent() != null && rowOf(n) == row).findFirst().orElseThrow();
        robot.interact(() -> combo.setValue(Role.CMS));
        WaitForAsyncUtils.waitForFxEvents();
        built(p);
        assertThat(p.ladder().getModel().columns()).extracting(LadderColumn::title)
                .containsExactly("Skype client", "CMS");
        assertThat(new RoleMemory(shown.prefs().node("roles")).choices(REJECTED)).containsEntry("127.0.0.8",
                new RoleChoice("127.0.0.8", Role.CMS, null));

        // a name makes a box of its own with that title
        robot.interact(() -> p.choose(new RoleChoice("127.0.0.7", null, "Alice's laptop")));
        built(p);
        assertThat(p.ladder().getModel().columns()).extracting(LadderColumn::title)
                .containsExactly("Alice's laptop", "CMS");

        // reopening the capture starts from the remembered choices
        robot.interact(() -> window.tabs().getTabs().clear());
        CapturePane again = dropAndWait(robot, REJECTED).get(0).capturePane();
        assertThat(again.ladder().getModel().columns()).extracting(LadderColumn::title)
                .containsExactly("Alice's laptop", "CMS");
    }

    @Test
    void typingABoxNameInTheRolesTableRenamesTheColumn(FxRobot robot) {
        CapturePane p = dropAndWait(robot, REJECTED).get(0).capturePane();
        robot.interact(() -> p.sideTabs().getSelectionModel().select(2));
        int row = indexOfBox(p, "127.0.0.7");
        TextField name = (TextField) robot.lookup(".box-name").queryAll().stream().filter(n -> rowOf(n) == row)
                .findFirst().orElseThrow();
        robot.clickOn(name).write("Sharer PC").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        built(p);
        assertThat(p.ladder().getModel().columns()).extracting(LadderColumn::title).first().isEqualTo("Sharer PC");
    }

    private static int indexOfBox(CapturePane p, String address) {
        var items = p.roles().table().getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).assignment().address().equals(address)) {
                return i;
            }
        }
        throw new AssertionError("no box " + address);
    }

    private static int rowOf(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x instanceof javafx.scene.control.TableRow<?> r) {
                return r.getIndex();
            }
        }
        return -1;
    }

    @Test
    void filtersAndFindWorkOnTheLadder(FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        int all = p.ladder().getModel().rowCount();
        robot.interact(() -> p.filters().protocol(LadderProtocol.ICE).set(false));
        built(p);
        LadderModel noIce = p.ladder().getModel();
        assertThat(noIce.rowCount()).isLessThan(all);
        assertThat(noIce.rows()).noneMatch(r -> r.style().protocol() == LadderProtocol.ICE);
        robot.interact(() -> p.filters().reset());
        built(p);
        assertThat(p.ladder().getModel().rowCount()).isEqualTo(all);

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertThat(p.findField().isFocused()).isTrue();
        robot.write("ConnectionBind").type(KeyCode.ENTER);
        int first = p.ladder().getSelectedRow();
        assertThat(p.ladder().getModel().row(first).label()).contains("ConnectionBind");
        robot.type(KeyCode.ENTER);
        assertThat(p.ladder().getSelectedRow()).isGreaterThan(first);
        assertThat(p.ladder().getModel().row(p.ladder().getSelectedRow()).label()).contains("ConnectionBind");
    }

    @Test
    void aFilterChangeBuildsInTheBackgroundShowingTheOldLadderAndAHintUntilTheNewOneKeepsTheSelectedFrame(
            FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        LadderModel before = p.ladder().getModel();
        int turnRow = 0;
        while (before.row(turnRow).style().protocol() != LadderProtocol.TURN) {
            turnRow++;
        }
        long frame = before.row(turnRow).frame();
        int selected = turnRow;
        // in one turn of the JavaFX thread: the build cannot have been shown yet, whatever the worker does
        Object[] during = fx(() -> {
            p.ladder().select(selected);
            p.filters().protocol(LadderProtocol.ICE).set(false);
            return new Object[] {p.ladder().getModel(), p.buildingProperty().get(), window.statusBar().getText()};
        });
        assertThat(during[0]).as("the old ladder stays until the new one is ready").isSameAs(before);
        assertThat(during[1]).isEqualTo(true);
        assertThat((String) during[2]).endsWith("Building ladder…");
        built(p);
        LadderModel after = fx(() -> p.ladder().getModel());
        assertThat(after).isNotSameAs(before);
        assertThat(after.rows()).noneMatch(r -> r.style().protocol() == LadderProtocol.ICE);
        assertThat(fx(() -> after.row(p.ladder().getSelectedRow()).frame())).isEqualTo(frame);
        assertThat(fx(() -> p.buildingProperty().get())).isFalse();
        assertThat(fx(() -> window.statusBar().getText())).doesNotContain("Building");
    }

    @Test
    void theViewMenusFiltersFollowTheSelectedTab(FxRobot robot) {
        List<CaptureTab> two = dropAndWait(robot, RFC6062, REJECTED);
        CheckMenuItem showIce = fx(() -> viewItem("Show ICE"));
        CheckMenuItem everyAddress = fx(() -> viewItem("A Column for Every Address"));
        fx(() -> {
            window.tabs().getSelectionModel().select(two.get(0));
            // what a click on a check item does (fire() only sends the action)
            showIce.setSelected(!showIce.isSelected());
            everyAddress.setSelected(!everyAddress.isSelected());
            return null;
        });
        assertThat(fx(() -> two.get(0).capturePane().filters().protocol(LadderProtocol.ICE).get())).isFalse();
        assertThat(fx(() -> two.get(0).capturePane().filters().options().columnsPerRole())).isZero();
        assertThat(fx(() -> two.get(1).capturePane().filters().protocol(LadderProtocol.ICE).get())).isTrue();
        fx(() -> {
            window.tabs().getSelectionModel().select(two.get(1));
            return null;
        });
        assertThat(fx(showIce::isSelected)).as("the other tab still shows ICE").isTrue();
        assertThat(fx(everyAddress::isSelected)).isFalse();
        fx(() -> {
            window.tabs().getSelectionModel().select(two.get(0));
            return null;
        });
        assertThat(fx(showIce::isSelected)).isFalse();
        assertThat(fx(everyAddress::isSelected)).isTrue();
    }

    private CheckMenuItem viewItem(String text) {
        MenuBar bar = (MenuBar) window.scene().getRoot().lookup(".menu-bar");
        return bar.getMenus().stream().filter(m -> m.getText().equals("View"))
                .flatMap(m -> m.getItems().stream()).filter(i -> text.equals(i.getText()))
                .map(CheckMenuItem.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aRoleChangeFollowedAtOnceByFilterChangesIsNotLost(FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        fx(() -> {
            p.choose(new RoleChoice("127.0.0.4", Role.EXPRESSWAY_C, null));
            for (int i = 0; i < 5; i++) {
                p.filters().hideRefreshesProperty().set(i % 2 == 0);
            }
            return null;
        });
        built(p);
        assertThat(fx(() -> p.ladder().getModel().columns().stream().map(LadderColumn::title).toList()))
                .contains("Expressway-C");
        assertThat(fx(() -> p.analysis().roles().stream().anyMatch(r -> r.role() == Role.EXPRESSWAY_C))).isTrue();
    }

    @Test
    void manyQuickFilterChangesBuildOnlyWhatTheLastOneAsks(FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        List<LadderModel> shown = new ArrayList<>();
        fx(() -> {
            p.ladder().modelProperty().addListener((o, a, b) -> shown.add(b));
            for (int i = 0; i < 20; i++) {
                p.filters().protocol(LadderProtocol.ICE).set(i % 2 == 0);
            }
            p.filters().protocol(LadderProtocol.ICE).set(false);
            return null;
        });
        built(p);
        assertThat(shown).as("twenty-one requests, at most the running one and the last are shown")
                .hasSizeBetween(1, 2);
        assertThat(shown.get(shown.size() - 1).options().protocols()).doesNotContain(LadderProtocol.ICE);
    }

    @Test
    void onlyThisAllocationNarrowsTheLadderToThatTurnSession(FxRobot robot) {
        CapturePane p = dropAndWait(robot, RFC6062).get(0).capturePane();
        int all = p.ladder().getModel().rowCount();
        var tree = p.sessions().tree();
        var allocation = tree.getRoot().getChildren().get(1).getChildren().get(0);
        robot.interact(() -> {
            p.sideTabs().getSelectionModel().select(1);
            tree.getSelectionModel().select(allocation);
            p.sessions().onlySelected();
        });
        built(p);
        LadderModel only = p.ladder().getModel();
        assertThat(only.options().turnSession()).isGreaterThanOrEqualTo(0);
        assertThat(only.rowCount()).isPositive().isLessThanOrEqualTo(all);
        assertThat(only.rows()).allMatch(r -> r.entry().turnSession() == only.options().turnSession());
        robot.interact(() -> p.filters().showAllSessions());
        built(p);
        assertThat(p.ladder().getModel().rowCount()).isEqualTo(all);
    }

    @Test
    void exportWritesTheWholeLadderAsAPictureThatIsNotBlank(FxRobot robot) throws Exception {
        CaptureTab tab = dropAndWait(robot, RFC6062).get(0);
        Path out = tmp.resolve("ladder.png");
        Task<Path> task = fx(() -> window.exportLadder(tab, out));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(task::isDone));
        assertThat(fx(task::getException)).isNull();
        BufferedImage img = ImageIO.read(out.toFile());
        LadderModel m = tab.capturePane().ladder().getModel();
        int[] size = new LadderPngExporter(m, window.timeModeProperty().get(), "x").size();
        assertThat(img.getWidth()).isEqualTo(size[0]);
        assertThat(img.getHeight()).isEqualTo(size[1]);
        assertThat(img.getHeight()).isGreaterThan(m.rowCount() * 10);
        Set<Integer> colours = new HashSet<>();
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    dark++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
        assertThat(dark).as("dark (text and arrow) pixels").isGreaterThan(500);
        assertThat(window.statusBar().getText()).contains("Saved the ladder");
    }

    @Test
    void aFileThatIsNotACaptureShowsWhyInTheWindow(FxRobot robot) throws Exception {
        Path bad = Files.writeString(tmp.resolve("notes.pcap"), "hello, this is not a capture at all");
        CaptureTab tab = dropAndWait(robot, bad).get(0);
        assertThat(tab.capturePane()).isNull();
        assertThat(tab.error()).startsWith("Cannot open notes.pcap: it is not a capture TurnLadder can read")
                .doesNotContain("Exception").doesNotContain("\tat ");
        Label shown = (Label) robot.lookup(".open-error").query();
        assertThat(shown.getText()).isEqualTo(tab.error());
        assertThat(shown.isVisible()).isTrue();
        assertThat(window.statusBar().getText()).isEqualTo(tab.error());
    }

    @Test
    void aMissingFileShowsWhyInTheWindow(FxRobot robot) {
        CaptureTab tab = fx(() -> window.open(List.of(tmp.resolve("gone.pcap"))).get(0));
        waitLoaded(tab);
        assertThat(tab.error()).contains("gone.pcap", "does not exist");
    }

    @Test
    void aTruncatedCaptureShowsWhatWasReadUnderAWarningBar(FxRobot robot) throws Exception {
        byte[] all = Files.readAllBytes(RFC6062);
        Path cut = Files.write(tmp.resolve("cut.pcapng"), java.util.Arrays.copyOf(all, 3000));
        CaptureTab tab = dropAndWait(robot, cut).get(0);
        assertThat(tab.capturePane()).isNotNull();
        assertThat(tab.capturePane().ladder().getModel().rowCount()).isPositive();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tab.warningBar().isShowing());
        assertThat(tab.warningBar().getText()).contains("truncated", "frames that could be read");
    }

    @Test
    void theSampleOpensInATabThatSaysSample(FxRobot robot) {
        CaptureTab tab = fx(() -> window.openSample());
        waitLoaded(tab);
        assertThat(tab.getText()).contains("sample");
        assertThat(tab.capturePane().ladder().getModel().rowCount()).isPositive();
    }

    @Test
    void timeModeSwitchesEveryLadder(FxRobot robot) {
        CapturePane p = dropAndWait(robot, REJECTED).get(0).capturePane();
        robot.clickOn("Delta");
        assertThat(p.ladder().timeModeProperty().get()).isEqualTo(org.turnladder.ladder.TimeMode.DELTA);
    }

    private static TreeItem<FieldTree.Node> find(TreeItem<FieldTree.Node> item, String name) {
        if (item.getValue() != null && item.getValue().name().equals(name)) {
            return item;
        }
        for (TreeItem<FieldTree.Node> c : item.getChildren()) {
            TreeItem<FieldTree.Node> f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
