package org.turnladder.analysis.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code ICEWarn=0x…} bit field a Skype/Lync client puts into the {@code MediaDebug} parameters of
 * {@code ms-client-diagnostics}. Bits as published for the SIP header (Lync resource kit, DOMAIN.md §3.1); the QoE
 * {@code IceWarningFlags} use a different layout and are not decoded here.
 */
final class IceWarn {
    private static final String[] BITS = {
        "TURN server unreachable",                        // 0x1
        "UDP allocation failed",                          // 0x2
        "UDP send failed",                                // 0x4
        "TCP allocation on the TURN server failed",       // 0x8
        "TCP send via TURN failed",                       // 0x10
        "local connectivity failed (TCP for app sharing)", // 0x20
        "UDP NAT connectivity failed",                    // 0x40
        "UDP TURN connectivity failed",                   // 0x80
        "TCP NAT connectivity failed",                    // 0x100
        "TCP TURN connectivity failed",                   // 0x200
    };

    private IceWarn() {
    }

    /** The first {@code ICEWarn=0x…} value in a text, {@code -1} if none or unreadable. */
    static long find(String text) {
        if (text == null) {
            return -1;
        }
        int i = text.toLowerCase(Locale.ROOT).indexOf("icewarn=");
        if (i < 0) {
            return -1;
        }
        int start = i + "icewarn=".length();
        if (text.regionMatches(true, start, "0x", 0, 2)) {
            start += 2;
        }
        int end = start;
        while (end < text.length() && end - start < 16 && Character.digit(text.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == start) {
            return -1;
        }
        return Long.parseUnsignedLong(text.substring(start, end), 16);
    }

    /** Names of the set bits, lowest first; unknown bits as hex. */
    static List<String> describe(long value) {
        List<String> out = new ArrayList<>();
        for (int bit = 0; bit < 64; bit++) {
            long mask = 1L << bit;
            if ((value & mask) != 0) {
                out.add(bit < BITS.length ? BITS[bit] + " (0x" + Long.toHexString(mask) + ")"
                        : "unknown bit 0x" + Long.toHexString(mask));
            }
        }
        return out;
    }
}
