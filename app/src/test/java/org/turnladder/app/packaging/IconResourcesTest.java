package org.turnladder.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The icon PNGs rendered from resources/icons/*.svg reach the class path, where a window can take them. */
class IconResourcesTest {
    private static final String DIR = "/org/turnladder/app/icons/";

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 48, 64, 128, 256, 512})
    void everyRenderedSizeIsASquarePngOfThatSize(int size) throws IOException {
        BufferedImage image = read("turnladder-" + size + ".png");
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 48, 256})
    void theIconIsOpaqueInTheMiddleAndTransparentInTheCorners(int size) throws IOException {
        BufferedImage image = read("turnladder-" + size + ".png");
        assertThat(image.getRGB(size / 2, size / 2) >>> 24).isEqualTo(0xff);
        assertThat(image.getRGB(0, 0) >>> 24).isLessThan(0x80);
    }

    @Test
    void packagingOnlyFormatsStayOutOfTheJar() {
        assertThat(IconResourcesTest.class.getResource(DIR + "turnladder.svg")).isNull();
        assertThat(IconResourcesTest.class.getResource(DIR + "turnladder.ico")).isNull();
        assertThat(IconResourcesTest.class.getResource(DIR + "turnladder.icns")).isNull();
    }

    private static BufferedImage read(String name) throws IOException {
        try (InputStream in = IconResourcesTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            BufferedImage image = ImageIO.read(in);
            assertThat(image).as(name + " decodes as an image").isNotNull();
            return image;
        }
    }
}
