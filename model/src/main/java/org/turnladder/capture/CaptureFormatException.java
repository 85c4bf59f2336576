package org.turnladder.capture;

import java.io.IOException;

/** The file is not a capture TurnLadder can read (unknown magic, corrupt header). */
public class CaptureFormatException extends IOException {
    public CaptureFormatException(String message) {
        super(message);
    }
}
