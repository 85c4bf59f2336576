package org.turnladder.net;

/** LINKTYPE_* values (tcpdump.org link-layer header types) that the dissector reads. */
public final class LinkType {
    private LinkType() {
    }

    /** BSD loopback: 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** DLT_RAW as most systems number it. */
    public static final int RAW_12 = 12;
    /** DLT_RAW as OpenBSD numbers it. */
    public static final int RAW_14 = 14;
    public static final int RAW = 101;
    /** OpenBSD loopback: 4-byte big-endian address family. */
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;
}
