package org.turnladder.views.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.ladder.Columns;
import org.turnladder.ladder.LadderLayout;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderProtocol;
import org.turnladder.ladder.TimeMode;
import org.turnladder.views.ladder.Hops;
import org.turnladder.views.ladder.LadderPainter;
import org.turnladder.views.ladder.LadderPalette;

/** The PNG export, headless: the right size at any length, with the ladder's colours and no blank bands. */
@ExtendWith(ApplicationExtension.class)
class LadderPngExporterTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the toolkit is what the export needs; no window
    }

    private static int expectedHeight(int rows) {
        return (int) Math.ceil(LadderPngExporter.TITLE_BAND + LadderLayout.HEADER_HEIGHT
                + rows * LadderLayout.ROW_HEIGHT);
    }

    @Test
    void smallLadderHasTheLadderColoursAndTheErrorRed() throws IOException {
        List<DecodedMessage> msgs = new ArrayList<>(TestCaptures.decode(TestCaptures.path("coturn-rfc6062.pcapng")));
        msgs.addAll(TestCaptures.decode(TestCaptures.path("coturn-connect-failed.pcap")));
        LadderModel m = LadderModel.build(msgs, Columns.byHost(), List.of(new Finding("x.y", Severity.ERROR, "t",
                "d", "f", List.of(15L))), LadderOptions.showAll());
        Path out = dir.resolve("small.png");
        LadderPngExporter exporter = new LadderPngExporter(m, TimeMode.RELATIVE, "coturn.pcapng");
        exporter.export(out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getHeight()).isEqualTo(expectedHeight(m.rowCount()));
        assertThat(img.getWidth()).isEqualTo(exporter.size()[0]);
        int body = expectedHeight(0);
        BufferedImage rows = img.getSubimage(0, body, img.getWidth(), img.getHeight() - body);
        assertThat(count(rows, LadderPalette.protocolColor(LadderProtocol.TURN))).isGreaterThan(500);
        assertThat(count(rows, LadderPalette.protocolColor(LadderProtocol.ICE))).isGreaterThan(500);
        assertThat(count(rows, LadderPalette.ERROR)).isGreaterThan(200);
        assertThat(count(rows, LadderPalette.FINDING)).isGreaterThan(20);
        BufferedImage title = img.getSubimage(0, 0, img.getWidth(), (int) LadderPngExporter.TITLE_BAND);
        assertThat(count(title, LadderPalette.TITLE)).as("title text").isGreaterThan(50);
    }

    @Test
    void twentyThousandRowsGiveOneTallPictureWithoutBlankBands() throws IOException {
        List<DecodedMessage> once = TestCaptures.decode(TestCaptures.path("sipp-appsharing-rejected.pcap"));
        once = new ArrayList<>(once);
        once.addAll(TestCaptures.decode(TestCaptures.path("coturn-connect-failed.pcap")));
        List<DecodedMessage> many = new ArrayList<>(20_000);
        while (many.size() < 20_000) {
            many.addAll(once);
        }
        many = many.subList(0, 20_000);
        LadderModel m = LadderModel.build(many, Columns.byHost(), List.of(), LadderOptions.showAll());
        assertThat(m.rowCount()).isEqualTo(20_000);
        Path out = dir.resolve("long.png");
        LadderPngExporter exporter = new LadderPngExporter(m, TimeMode.DELTA, "long.pcap");
        exporter.export(out);
        int height = expectedHeight(20_000);
        assertThat(height).isGreaterThan(32_767 * 10);
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            reader.setInput(in);
            assertThat(reader.getHeight(0)).isEqualTo(height);
            int width = reader.getWidth(0);
            assertThat(width).isEqualTo(exporter.size()[0]);
            // strips across the first tile seam, in the middle and at the very end: every pixel row of the body
            // crosses the lifelines, so none may be all background
            int[] starts = {LadderPngExporter.TILE - 40, height / 2, height - 200};
            int seen = 0;
            for (int y0 : starts) {
                ImageReadParam p = reader.getDefaultReadParam();
                p.setSourceRegion(new Rectangle(0, y0, width, 80));
                BufferedImage strip = reader.read(0, p);
                for (int y = 0; y < strip.getHeight(); y++) {
                    assertThat(nonBackground(strip, y)).as("pixel row %d", y0 + y).isGreaterThan(2);
                }
                seen += count(strip, LadderPalette.protocolColor(LadderProtocol.SIP))
                        + count(strip, LadderPalette.protocolColor(LadderProtocol.TURN));
            }
            assertThat(seen).as("arrow colours in the sampled strips").isGreaterThan(100);
        }
        // compressed: raw RGB would be about 100 kB per ladder row
        assertThat(Files.size(out) / 20_000).as("bytes per ladder row").isLessThan(8_000);
    }

    @Test
    void aLadderWiderThanATileHasEveryLifelineInItsTile() throws Exception {
        int n = 60;
        List<DecodedMessage> hops = new ArrayList<>();
        for (int h = 0; h + 1 < n; h++) {
            hops.add(Hops.message(h, h + 1));
        }
        LadderModel m = LadderModel.build(hops, Columns.byHost(), List.of(),
                LadderOptions.showAll().withColumnsPerRole(0));
        LadderLayout l = WaitForAsyncUtils.asyncFx(() -> new LadderPainter().layout(m, TimeMode.RELATIVE)).get();
        assertThat(l.width()).as("several tiles across").isGreaterThan(2 * LadderPngExporter.TILE);
        Path out = dir.resolve("wide.png");
        new LadderPngExporter(m, TimeMode.RELATIVE, "wide.pcap").export(out);
        BufferedImage img = ImageIO.read(out.toFile());
        int headerLine = (int) (LadderPngExporter.TITLE_BAND + LadderLayout.HEADER_HEIGHT) - 4;
        int lastRowTop = expectedHeight(m.rowCount() - 1);
        for (int c = 0; c < n; c++) {
            int x = (int) Math.floor(l.columnX(c));
            assertThat(img.getRGB(x, headerLine) & 0xffffff).as("column %d under its header", c)
                    .isEqualTo(rgbOf(LadderPalette.LIFELINE));
            assertThat(img.getRGB(x, lastRowTop + 2) & 0xffffff).as("column %d beside the last row", c)
                    .isEqualTo(rgbOf(LadderPalette.LIFELINE));
        }
        // the last arrow, in the last tile, is drawn
        int arrowY = lastRowTop + (int) Math.round(LadderLayout.ROW_HEIGHT * 0.7);
        int mid = (int) ((l.columnX(n - 2) + l.columnX(n - 1)) / 2);
        assertThat(count(img.getSubimage(mid - 60, arrowY - 1, 120, 3), LadderPalette.protocolColor(LadderProtocol.STUN)))
                .isGreaterThan(60);
    }

    private static int nonBackground(BufferedImage img, int y) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            int rgb = img.getRGB(x, y) & 0xffffff;
            if (rgb != 0xffffff && rgb != rgbOf(LadderPalette.STRIPE) && rgb != rgbOf(LadderPalette.ERROR_ROW)) {
                n++;
            }
        }
        return n;
    }

    /** Pixels within a small distance of a colour (anti-aliasing blends edges). */
    private static int count(BufferedImage img, javafx.scene.paint.Color c) {
        int want = rgbOf(c);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - ((want >> 16) & 0xff)) < 12
                        && Math.abs(((rgb >> 8) & 0xff) - ((want >> 8) & 0xff)) < 12
                        && Math.abs((rgb & 0xff) - (want & 0xff)) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int rgbOf(javafx.scene.paint.Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
