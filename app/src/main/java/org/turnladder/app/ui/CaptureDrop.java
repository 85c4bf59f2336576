package org.turnladder.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Which dropped or opened files are captures: {@code .pcap}, {@code .pcapng}, {@code .cap}, and those gzipped. */
public final class CaptureDrop {
    private CaptureDrop() {
    }

    public static boolean isCapture(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pcap") || n.endsWith(".pcapng") || n.endsWith(".cap") || n.endsWith(".gz");
    }

    /** The captures among dropped files, in the order dropped. */
    public static List<Path> captures(List<File> files) {
        return files == null ? List.of() : files.stream().map(File::toPath).filter(CaptureDrop::isCapture).toList();
    }
}
