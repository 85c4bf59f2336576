package org.turnladder.live;

/**
 * libpcap hands out DLT_* values, files store LINKTYPE_* values; they are equal except for a few historical
 * numbers that differ between systems (libpcap's dlt_to_linktype).
 */
final class LinkTypes {
    static final int LINKTYPE_RAW = 101;
    private static final int DLT_RAW_BSD = 12, DLT_RAW_OPENBSD = 14;

    private LinkTypes() {
    }

    static int fromDlt(int dlt) {
        return dlt == DLT_RAW_BSD || dlt == DLT_RAW_OPENBSD ? LINKTYPE_RAW : dlt;
    }
}
