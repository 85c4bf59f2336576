package org.turnladder.views.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The streaming PNG writer's output is a PNG that ImageIO reads back pixel for pixel. */
class StreamingPngWriterTest {

    private static int pixel(int x, int y) {
        return ((x * 7) & 0xff) << 16 | ((y * 3) & 0xff) << 8 | ((x ^ y) & 0xff);
    }

    @Test
    void rowsWrittenInStripsReadBackExactly() throws IOException {
        int w = 301;
        int h = 2003;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StreamingPngWriter png = new StreamingPngWriter(bytes, w, h, "test")) {
            int strip = 256;
            int[] buf = new int[w * strip];
            for (int y0 = 0; y0 < h; y0 += strip) {
                int rows = Math.min(strip, h - y0);
                for (int r = 0; r < rows; r++) {
                    for (int x = 0; x < w; x++) {
                        buf[r * w + x] = 0xff000000 | pixel(x, y0 + r);
                    }
                }
                png.writeRows(buf, 0, w, rows);
            }
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((img.getRGB(x, y) & 0xffffff) != pixel(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void closingBeforeAllRowsAreWrittenFails() throws IOException {
        StreamingPngWriter png = new StreamingPngWriter(new ByteArrayOutputStream(), 10, 10, null);
        png.writeRows(new int[100], 0, 10, 5);
        assertThatThrownBy(png::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("5 rows");
    }

    @Test
    void writingPastTheHeightFails() throws IOException {
        StreamingPngWriter png = new StreamingPngWriter(new ByteArrayOutputStream(), 10, 4, null);
        assertThatThrownBy(() -> png.writeRows(new int[100], 0, 10, 5)).isInstanceOf(IllegalStateException.class);
    }
}
