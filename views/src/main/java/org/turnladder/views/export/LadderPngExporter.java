package org.turnladder.views.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.turnladder.ladder.LadderLayout;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderProtocol;
import org.turnladder.ladder.TimeMode;
import org.turnladder.views.ladder.LadderPainter;
import org.turnladder.views.ladder.LadderPalette;

/**
 * The whole (filtered) ladder as one PNG, at any length: a title band (file name, time range, filters, legend),
 * the column header, then every row. The picture is drawn in tiles of at most {@value #TILE} × {@value #TILE}
 * pixels on a small offscreen canvas (a canvas or snapshot as big as the ladder fails or comes out blank), and each
 * band of tiles is streamed into the PNG, so memory stays bounded by one band. Drawing happens on the JavaFX thread
 * (started here if needed, so it also runs headless with Monocle); call from any thread — from a background
 * thread the window stays responsive.
 */
public final class LadderPngExporter {
    /** Tile edge in pixels: within every texture limit and the software pipeline's budget. */
    public static final int TILE = 4096;
    /** Height of the title band above the column header. */
    public static final double TITLE_BAND = 74;

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final LadderModel model;
    private final TimeMode mode;
    private final String source;
    private LadderPainter painter;
    private LadderLayout layout;
    private int width;
    private int height;
    private Canvas canvas;
    private WritableImage image;

    /**
     * @param source what the ladder is of (the capture's file name), shown as the title
     */
    public LadderPngExporter(LadderModel model, TimeMode mode, String source) {
        this.model = model;
        this.mode = mode;
        this.source = source;
    }

    /** Writes the PNG to a file (replacing it). */
    public void export(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            export(out);
        }
    }

    /** Writes the PNG to a stream (not closed). */
    public void export(OutputStream out) throws IOException {
        startToolkit();
        onFx(this::prepare);
        int bandHeight = Math.min(TILE, height);
        int[] band = new int[width * bandHeight];
        try (StreamingPngWriter png = new StreamingPngWriter(out, width, height, "TurnLadder ladder: " + source)) {
            for (int y0 = 0; y0 < height; y0 += TILE) {
                int th = Math.min(TILE, height - y0);
                int top = y0;
                onFx(() -> {
                    renderBand(top, th, band);
                    return null;
                });
                png.writeRows(band, 0, width, th);
            }
        }
    }

    /** Width × height of the picture, in pixels (lays the ladder out if not yet done). */
    public int[] size() {
        startToolkit();
        onFx(this::prepare);
        return new int[] {width, height};
    }

    private Void prepare() {
        if (painter != null) {
            return null;
        }
        painter = new LadderPainter();
        layout = painter.layout(model, mode);
        double info = Math.max(painter.width(source, titleFont()), Math.max(
                painter.width(summary(), painter.palette().label), legendWidth())) + 2 * LadderLayout.CELL_PAD;
        width = (int) Math.ceil(Math.max(layout.width(), info));
        double rows = Math.max(1, model.rowCount()) * LadderLayout.ROW_HEIGHT;
        height = (int) Math.ceil(TITLE_BAND + LadderLayout.HEADER_HEIGHT + rows);
        return null;
    }

    /** Draws pixel rows [top, top + th) of the picture into {@code band}, tile by tile across. */
    private void renderBand(int top, int th, int[] band) {
        int tw = Math.min(TILE, width);
        if (canvas == null || canvas.getHeight() != th) { // one canvas and image for all bands but a short last one
            canvas = new Canvas(tw, th);
            image = new WritableImage(tw, th);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(LadderPalette.BACKGROUND);
        for (int x0 = 0; x0 < width; x0 += TILE) {
            int w = Math.min(TILE, width - x0);
            GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.setTransform(1, 0, 0, 1, 0, 0);
            gc.setFill(LadderPalette.BACKGROUND);
            gc.fillRect(0, 0, tw, th);
            gc.translate(-x0, 0);
            draw(gc, top, th, x0, x0 + w);
            canvas.snapshot(params, image);
            image.getPixelReader().getPixels(0, 0, w, th, PixelFormat.getIntArgbInstance(), band, x0, width);
        }
    }

    /**
     * Draws what falls into picture rows [top, top + th) and columns [fromX, toX); y on the canvas is picture y
     * minus top. Columns and arrows of other tiles are skipped.
     */
    private void draw(GraphicsContext gc, int top, int th, double fromX, double toX) {
        if (top < TITLE_BAND) {
            drawTitleBand(gc, -top);
        }
        double headerTop = TITLE_BAND - top;
        if (headerTop + LadderLayout.HEADER_HEIGHT > 0 && headerTop < th) {
            painter.paintHeader(gc, model, layout, mode, 0, headerTop, width, fromX, toX);
        }
        double bodyTop = TITLE_BAND + LadderLayout.HEADER_HEIGHT - top;
        if (model.rowCount() == 0) {
            gc.setFill(LadderPalette.MUTED);
            gc.setFont(painter.palette().label);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText("No messages match the filters.", LadderLayout.CELL_PAD, bodyTop + LadderLayout.ROW_HEIGHT / 2);
            return;
        }
        int first = Math.max(0, (int) Math.floor(-bodyTop / LadderLayout.ROW_HEIGHT));
        int last = Math.min(model.rowCount(), (int) Math.ceil((th - bodyTop) / LadderLayout.ROW_HEIGHT));
        if (first < last) {
            painter.paintRows(gc, model, layout, mode, first, last, 0, bodyTop, width, -1, fromX, toX);
        }
    }

    private void drawTitleBand(GraphicsContext gc, double y) {
        gc.setFill(LadderPalette.BACKGROUND);
        gc.fillRect(0, y, width, TITLE_BAND);
        double x = LadderLayout.CELL_PAD;
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(LadderPalette.TITLE);
        gc.setFont(titleFont());
        gc.fillText(source, x, y + 8);
        gc.setFont(painter.palette().label);
        gc.setFill(LadderPalette.CELL_TEXT);
        gc.fillText(summary(), x, y + 31);
        drawLegend(gc, x, y + 54);
    }

    private static Font titleFont() {
        return Font.font("System", FontWeight.BOLD, 15);
    }

    /** "2026-05-04 09:53:08.245453 – 09:53:26.762027 UTC (18.517 s) · 30 messages · 30 rows · filters: …". */
    String summary() {
        long a = model.firstNanos();
        long b = model.lastNanos();
        StringBuilder sb = new StringBuilder();
        sb.append(DAY_TIME.format(Instant.ofEpochSecond(0, a))).append(" – ");
        sb.append(TIME.format(Instant.ofEpochSecond(0, b))).append(" UTC (");
        sb.append(String.format("%.3f s", (b - a) / 1e9)).append(") · ");
        sb.append(model.messageCount()).append(" messages · ").append(model.rowCount()).append(" rows");
        List<String> f = filters(model.options());
        if (!f.isEmpty()) {
            sb.append(" · ").append(String.join(", ", f));
        }
        return sb.toString();
    }

    private static List<String> filters(LadderOptions o) {
        List<String> f = new ArrayList<>();
        if (!o.protocols().containsAll(EnumSet.allOf(LadderProtocol.class))) {
            f.add("only " + o.protocols().stream().sorted().map(LadderPalette::protocolName).toList());
        }
        if (o.callId() != null) {
            f.add("call " + o.callId());
        }
        if (o.turnSession() >= 0) {
            f.add("TURN session " + (o.turnSession() + 1));
        }
        if (o.hideRefreshes()) {
            f.add("refreshes hidden");
        }
        if (o.hideKeepAlives()) {
            f.add("keep-alives hidden");
        }
        if (o.hideRetransmissions()) {
            f.add("retransmissions hidden");
        }
        if (o.collapseAt() >= 2) {
            f.add("repeats of " + o.collapseAt() + "+ collapsed");
        }
        return f;
    }

    private static final String[] EXTRA = {"error", "response (dashed)", "finding"};

    private double legendWidth() {
        double w = 0;
        for (LadderProtocol p : LadderProtocol.values()) {
            w += 30 + painter.width(LadderPalette.protocolName(p), painter.palette().small) + 14;
        }
        for (String s : EXTRA) {
            w += 30 + painter.width(s, painter.palette().small) + 14;
        }
        return w;
    }

    private void drawLegend(GraphicsContext gc, double x, double y) {
        Font font = painter.palette().small;
        gc.setFont(font);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        double cy = y + 6;
        for (LadderProtocol p : LadderProtocol.values()) {
            x = legendItem(gc, x, cy, LadderPalette.protocolColor(p), false, LadderPalette.protocolName(p));
        }
        x = legendItem(gc, x, cy, LadderPalette.ERROR, false, EXTRA[0]);
        x = legendItem(gc, x, cy, LadderPalette.MUTED, true, EXTRA[1]);
        gc.setFill(LadderPalette.FINDING);
        gc.fillOval(x + 8, cy - 6, 12, 12);
        gc.setFill(Color.WHITE);
        gc.setFont(painter.palette().labelBold);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText("!", x + 14, cy + 0.5);
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(LadderPalette.CELL_TEXT);
        gc.fillText(EXTRA[2], x + 30, cy);
    }

    private double legendItem(GraphicsContext gc, double x, double cy, Color c, boolean dashed, String text) {
        gc.setStroke(c);
        gc.setFill(c);
        gc.setLineWidth(c == LadderPalette.ERROR ? 2 : 1.4);
        if (dashed) {
            gc.setLineDashes(5, 3);
        } else {
            gc.setLineDashes();
        }
        gc.strokeLine(x, cy + 0.5, x + 20, cy + 0.5);
        gc.setLineDashes();
        gc.fillPolygon(new double[] {x + 26, x + 19, x + 19}, new double[] {cy + 0.5, cy - 3.5, cy + 4.5}, 3);
        gc.setFill(LadderPalette.CELL_TEXT);
        gc.fillText(text, x + 30, cy);
        return x + 30 + painter.width(text, painter.palette().small) + 14;
    }

    /** Starts the JavaFX toolkit if nobody has (the headless {@code export} command). */
    private static void startToolkit() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
            started.join();
        } catch (IllegalStateException alreadyRunning) {
            // started by the application or the test harness
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            if (Platform.isFxApplicationThread()) {
                return work.call();
            }
            FutureTask<T> task = new FutureTask<>(work);
            Platform.runLater(task);
            return task.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
