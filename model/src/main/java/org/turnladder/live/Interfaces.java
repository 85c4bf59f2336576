package org.turnladder.live;

import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.turnladder.live.LiveCaptureException.Kind;

/** The interfaces libpcap can capture on ({@code pcap_findalldevs}). */
public final class Interfaces {
    /** Where the list comes from; tests put failures here. */
    @FunctionalInterface
    interface DeviceLister {
        List<PcapNetworkInterface> findAllDevs() throws PcapNativeException;
    }

    private Interfaces() {
    }

    /**
     * Every interface libpcap reports, in its order (usually the most useful first).
     *
     * @throws LiveCaptureException when libpcap is missing or cannot list interfaces
     */
    public static List<CaptureInterface> list() throws LiveCaptureException {
        return list(Pcaps::findAllDevs);
    }

    static List<CaptureInterface> list(DeviceLister lister) throws LiveCaptureException {
        List<PcapNetworkInterface> devices;
        try {
            devices = lister.findAllDevs();
        } catch (LinkageError e) {
            throw PcapFailures.libpcapMissing(e);
        } catch (PcapNativeException e) {
            throw new LiveCaptureException(Kind.FAILED, "cannot list interfaces: " + PcapFailures.detail(e), e);
        }
        List<CaptureInterface> result = new ArrayList<>(devices.size());
        for (PcapNetworkInterface d : devices) {
            result.add(CaptureInterface.of(d));
        }
        return result;
    }

    /** The names libpcap knows, or null when it cannot tell (for error messages only). */
    static List<String> namesOrNull() {
        try {
            return list().stream().map(CaptureInterface::name).toList();
        } catch (LiveCaptureException | RuntimeException e) {
            return null;
        }
    }

    /**
     * libpcap's version text, e.g. "libpcap version 1.10.3 (with TPACKET_V3)".
     *
     * @throws LiveCaptureException when libpcap is missing
     */
    public static String libpcapVersion() throws LiveCaptureException {
        try {
            return Pcaps.libVersion();
        } catch (LinkageError e) {
            throw PcapFailures.libpcapMissing(e);
        }
    }
}
