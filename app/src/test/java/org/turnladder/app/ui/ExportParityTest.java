package org.turnladder.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.app.ui.TestWindow.fx;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.turnladder.analysis.Role;
import org.turnladder.app.cli.Cli;
import org.turnladder.decode.TestCaptures;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.TimeMode;
import org.turnladder.views.roles.RoleChoice;

/**
 * "Export Ladder as PNG…" in the window and {@code turnladder export FILE --png OUT.png} draw the same picture, pixel
 * for pixel, when the window shows what the command is told: the default filters, the same time mode and the same
 * roles. Engineers attach either to a ticket; they must not disagree.
 */
@ExtendWith(ApplicationExtension.class)
class ExportParityTest {
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

    @Test
    void aTurnCaptureExportsTheSamePictureFromTheWindowAndTheCommandLine() throws Exception {
        Path capture = TestCaptures.path("coturn-rfc6062.pcapng");
        CaptureTab tab = open(capture);
        assertSamePicture(windowExport(tab, "window.png"), cliExport(capture, "cli.png"));
    }

    @Test
    void aCallWithFourBoxesAndAbsoluteTimesIsTheSameToo() throws Exception {
        Path capture = TestCaptures.path("sipp-appsharing-accepted-tcp.pcap");
        CaptureTab tab = open(capture);
        fx(() -> {
            window.timeModeProperty().set(TimeMode.ABSOLUTE);
            return null;
        });
        assertSamePicture(windowExport(tab, "window.png"),
                cliExport(capture, "cli.png", "--time", "absolute"));
    }

    @Test
    void aRoleChangedInTheWindowMatchesTheSameRoleGivenToTheCommand() throws Exception {
        Path capture = TestCaptures.path("coturn-rfc6062.pcapng");
        CaptureTab tab = open(capture);
        LadderModel before = fx(() -> tab.capturePane().ladder().getModel());
        fx(() -> {
            tab.capturePane().choose(new RoleChoice("127.0.0.4", Role.EXPRESSWAY_C, null));
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> tab.capturePane().ladder().getModel()) != before);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> titles(tab.capturePane().ladder().getModel()))).contains("Expressway-C");
        BufferedImage cli = cliExport(capture, "cli.png", "--role", "127.0.0.4=EXPRESSWAY_C");
        assertSamePicture(windowExport(tab, "window.png"), cli);
        BufferedImage detected = cliExport(capture, "detected.png");
        assertThat(differingPixels(cli, detected)).as("an Expressway-C column where the Edge was").isPositive();
    }

    @Test
    void aBoxNamedInTheWindowMatchesTheSameNameGivenToTheCommand() throws Exception {
        Path capture = TestCaptures.path("sipp-appsharing-accepted-tcp.pcap");
        CaptureTab tab = open(capture);
        LadderModel before = fx(() -> tab.capturePane().ladder().getModel());
        fx(() -> {
            tab.capturePane().choose(new RoleChoice("127.0.0.7", null, "Alice's laptop"));
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> tab.capturePane().ladder().getModel()) != before);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> titles(tab.capturePane().ladder().getModel()))).contains("Alice's laptop");
        assertSamePicture(windowExport(tab, "window.png"),
                cliExport(capture, "cli.png", "--name", "127.0.0.7=Alice's laptop"));
    }

    private static List<String> titles(LadderModel m) {
        List<String> out = new ArrayList<>();
        m.columns().forEach(c -> out.add(c.title()));
        return out;
    }

    private CaptureTab open(Path capture) throws Exception {
        fx(() -> {
            window.open(List.of(capture));
            return null;
        });
        CaptureTab tab = fx(() -> window.tabs().getTabs().stream().filter(CaptureTab.class::isInstance)
                .map(CaptureTab.class::cast).reduce((a, b) -> b).orElseThrow());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> tab.capturePane() != null));
        WaitForAsyncUtils.waitForFxEvents();
        return tab;
    }

    private BufferedImage windowExport(CaptureTab tab, String name) throws Exception {
        Path out = tmp.resolve(name);
        Task<Path> task = fx(() -> window.exportLadder(tab, out));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(task::isDone));
        assertThat(fx(task::getException)).isNull();
        return ImageIO.read(out.toFile());
    }

    private BufferedImage cliExport(Path capture, String name, String... more) throws IOException {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of(capture.toString(), "--png", out.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run("export", args.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return ImageIO.read(out.toFile());
    }

    private static void assertSamePicture(BufferedImage window, BufferedImage cli) {
        assertThat(window.getWidth()).as("width").isEqualTo(cli.getWidth());
        assertThat(window.getHeight()).as("height").isEqualTo(cli.getHeight());
        assertThat(differingPixels(window, cli)).as("pixels that differ").isZero();
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return (long) Math.max(a.getWidth(), b.getWidth()) * Math.max(a.getHeight(), b.getHeight());
        }
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

}
