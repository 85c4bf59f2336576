package org.turnladder.net;

/** Text forms of raw IP addresses, without the name lookups {@link java.net.InetAddress} may do. */
public final class Addresses {
    private Addresses() {
    }

    /** Dotted quad for 4 bytes, RFC 5952 compressed form for 16 bytes. */
    public static String format(byte[] a) {
        return format(a, 0, a.length);
    }

    public static String format(byte[] a, int off, int len) {
        if (len == 4) {
            return (a[off] & 0xff) + "." + (a[off + 1] & 0xff) + "." + (a[off + 2] & 0xff) + "." + (a[off + 3] & 0xff);
        }
        if (len != 16) {
            throw new IllegalArgumentException("address length " + len);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((a[off + 2 * i] & 0xff) << 8) | (a[off + 2 * i + 1] & 0xff);
        }
        // longest run of zero words (length >= 2) becomes "::"
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
    }
}
