package org.turnladder.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's test-captures/ folder from a test. */
final class TestCaptures {
    private TestCaptures() {
    }

    static Path path(String name) {
        String root = System.getProperty("turnladder.root");
        Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("test-captures"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("test-captures/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("test-captures").resolve(name);
    }
}
