package org.turnladder.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * For the window's tests: live captures opened through the model's package-private seams, with libpcap's failures
 * put where libpcap raises them, or with a capture file replayed through libpcap as if it came off an interface.
 */
public final class LibpcapSeams {
    private LibpcapSeams() {
    }

    /** {@link LiveCapture#open} where opening the handle fails with {@code failure} (a native error or a linkage one). */
    public static LiveCapture openFailing(LiveOptions o, Throwable failure, List<String> knownInterfaces)
            throws IOException {
        return LiveCapture.open(o, (opts, nanos) -> {
            throw raise(failure);
        }, () -> knownInterfaces);
    }

    /** {@link Interfaces#list()} where libpcap's listing fails with {@code failure}. */
    public static List<CaptureInterface> listFailing(Throwable failure) throws LiveCaptureException {
        return Interfaces.list(() -> {
            throw raise(failure);
        });
    }

    /** A live capture whose packets are the file's, read by libpcap; it ends (as after Stop) at the file's end. */
    public static LiveCapture replay(LiveOptions o, Path file) throws IOException {
        return LiveCapture.open(o, (opts, nanos) -> Pcaps.openOffline(file.toString(),
                nanos ? TimestampPrecision.NANO : TimestampPrecision.MICRO), () -> List.of(o.interfaceName()));
    }

    private static PcapNativeException raise(Throwable failure) {
        if (failure instanceof PcapNativeException p) {
            return p;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalArgumentException("not a failure libpcap raises: " + failure);
    }
}
