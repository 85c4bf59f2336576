package org.turnladder.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The capture bundled in the jar, shown when the app starts without a file: a real RFC 6062 TCP TURN exchange
 * (Allocate, CreatePermission, Connect, ConnectionBind and data through the relay). It is copied to a temporary
 * file because the capture reader works on files.
 */
public final class SampleCapture {
    /** File name of the bundled capture (also the tab's title). */
    public static final String NAME = "coturn-rfc6062.pcapng";
    private static final String RESOURCE = "/org/turnladder/app/sample/" + NAME;

    private SampleCapture() {
    }

    /** Copies the sample to a new temporary file (deleted when the JVM exits). */
    public static Path extract() throws IOException {
        try (InputStream in = SampleCapture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the sample capture is missing from the application (" + RESOURCE + ")");
            }
            Path dir = Files.createTempDirectory("turnladder-sample");
            Path file = dir.resolve(NAME);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        }
    }
}
