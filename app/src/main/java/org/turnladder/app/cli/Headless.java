package org.turnladder.app.cli;

/**
 * JavaFX without a screen, for commands that draw: Monocle's headless glass and the software renderer. The JavaFX
 * toolkit is left running: the launcher ends the JVM with the command's exit status.
 */
final class Headless {
    /**
     * Held so the level sticks (loggers are weakly referenced). JavaFX warns "Unsupported JavaFX configuration:
     * classes were loaded from 'unnamed module'" when it runs from the shaded jar; on a command's stderr that is
     * noise, since the picture it draws is the same.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Headless() {
    }

    /** Must run before JavaFX starts. With a display (DISPLAY set) the normal toolkit draws the same picture. */
    static void useMonocleUnlessADisplayIsSet() {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        if (System.getenv("DISPLAY") == null || Boolean.getBoolean("turnladder.headless")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
        }
    }
}
