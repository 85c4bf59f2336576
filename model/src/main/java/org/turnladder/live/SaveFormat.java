package org.turnladder.live;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a capture can be saved as. */
public enum SaveFormat {
    /** pcapng with nanosecond timestamps (what Wireshark writes by default). */
    PCAPNG,
    /** Classic pcap with nanosecond timestamps (magic a1b23c4d), for older tools. */
    PCAP;

    /** PCAP for names ending in {@code .pcap} or {@code .cap}, else PCAPNG. */
    public static SaveFormat forFileName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pcap") || n.endsWith(".cap") ? PCAP : PCAPNG;
    }
}
