package org.turnladder.app.cli;

/**
 * JavaFX without a screen, for commands that draw: Monocle's headless glass and the software renderer. The JavaFX
 * toolkit is left running: the launcher ends the JVM with the command's exit status.
 */
final class Headless {
    private Headless() {
    }

    /** Must run before JavaFX starts. With a display (DISPLAY set) the normal toolkit draws the same picture. */
    static void useMonocleUnlessADisplayIsSet() {
        if (System.getenv("DISPLAY") == null || Boolean.getBoolean("turnladder.headless")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
        }
    }
}
