package org.turnladder.app.ui;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.turnladder.capture.CaptureFormatException;

/** Why a capture could not be opened, said in a sentence for the window rather than as a stack trace. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String describe(Path file, Throwable t) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            return "Cannot open " + name + ": the file does not exist (" + file + ").";
        }
        if (t instanceof AccessDeniedException) {
            return "Cannot open " + name + ": permission denied.";
        }
        if (t instanceof CaptureFormatException) {
            return "Cannot open " + name + ": it is not a capture TurnLadder can read — " + t.getMessage()
                    + ". Save it from Wireshark as pcap or pcapng (gzip-compressed is fine).";
        }
        if (t instanceof OutOfMemoryError) {
            return "Cannot open " + name + ": not enough memory. Start TurnLadder with a larger heap (-Xmx) or "
                    + "cut the capture to the call (editcap, or a Wireshark display filter and File ▸ Export).";
        }
        if (t instanceof java.io.IOException) {
            return "Cannot open " + name + ": " + (t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getMessage()) + ".";
        }
        return "Cannot open " + name + ": unexpected " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")") + ".";
    }
}
