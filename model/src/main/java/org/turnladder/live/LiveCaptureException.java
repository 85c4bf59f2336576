package org.turnladder.live;

import java.io.IOException;

/**
 * Live capture could not start or could not go on. The message is one line for the user: what went wrong, then
 * what to do about it.
 */
public final class LiveCaptureException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What kind of problem it is, so a window can offer the matching help. */
    public enum Kind {
        /** libpcap (or Npcap) is not installed or cannot be loaded. */
        LIBPCAP_MISSING,
        /** The process may not open the interface for capture. */
        NO_PERMISSION,
        /** No interface has that name. */
        UNKNOWN_INTERFACE,
        /** The interface exists but is down. */
        INTERFACE_DOWN,
        /** The capture filter does not compile. */
        BAD_FILTER,
        /** The interface went away or down while capturing. */
        INTERFACE_GONE,
        /** The temporary capture file could not be written. */
        SPOOL_FAILED,
        /** Anything else libpcap reported. */
        FAILED
    }

    private final Kind kind;

    public LiveCaptureException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
