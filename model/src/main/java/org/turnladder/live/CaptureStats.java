package org.turnladder.live;

/**
 * Counters of a live capture, for a status bar.
 *
 * @param packets            packets captured and kept (handed to the reader and written to the temporary file)
 * @param bytes              bytes of those packets as stored (at most the snap length each)
 * @param received           packets libpcap reports as received (passing the filter), or -1 before the first report
 * @param droppedByKernel    packets dropped because the capture buffer was full (the reader was too slow)
 * @param droppedByInterface packets the interface or its driver dropped, where the platform tells
 */
public record CaptureStats(long packets, long bytes, long received, long droppedByKernel, long droppedByInterface) {
    static final CaptureStats NONE = new CaptureStats(0, 0, -1, 0, 0);

    /** One line for a status bar or a terminal. */
    public String summary() {
        return packets + " packets (" + bytes + " bytes) captured; " + droppedByKernel + " dropped by the kernel, "
                + droppedByInterface + " by the interface" + (received >= 0 ? "; libpcap received " + received : "");
    }
}
