package org.turnladder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The child JVM of a headless command gets the module options of the launcher that started it, and only those. */
class LeanJvmTest {
    @Test
    void exportsOpensAndModulesOfTheInstalledLauncherPassToTheChild() {
        List<String> launcher = List.of("-Djpackage.app-version=0.1.0", "-XX:MaxRAMPercentage=50",
                "--add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED",
                "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED",
                "--add-modules", "javafx.controls",
                "-Djava.library.path=/opt/turnladder/lib/runtime/lib");
        assertThat(LeanJvm.moduleOptions(launcher)).containsExactly(
                "--add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED",
                "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED",
                "--add-modules", "javafx.controls",
                "-Djava.library.path=/opt/turnladder/lib/runtime/lib");
    }

    @Test
    void heapAndCollectorOptionsStayTheChildsOwn() {
        assertThat(LeanJvm.moduleOptions(List.of("-Xmx8g", "-XX:+UseG1GC", "-Dfoo=bar"))).isEmpty();
    }

    @Test
    void aSeparatedOptionAtTheEndWithoutItsValueIsDropped() {
        assertThat(LeanJvm.moduleOptions(List.of("--add-opens"))).isEmpty();
    }
}
