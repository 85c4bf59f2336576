package org.turnladder.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's test-captures/ folder. */
final class TestCaptures {
    private TestCaptures() {
    }

    static Path path(String name) {
        String root = System.getProperty("turnladder.root");
        Path d = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("test-captures"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("test-captures/ not found");
        }
        return d.resolve("test-captures").resolve(name);
    }
}
