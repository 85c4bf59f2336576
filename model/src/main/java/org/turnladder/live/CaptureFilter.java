package org.turnladder.live;

import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/** Checks BPF capture filters without opening an interface, so no privilege is needed (e.g. while typing). */
public final class CaptureFilter {
    private CaptureFilter() {
    }

    /**
     * Compiles {@code filter} for Ethernet frames; an empty filter is always fine.
     *
     * @throws LiveCaptureException of kind BAD_FILTER with libpcap's complaint, or LIBPCAP_MISSING
     */
    public static void check(String filter) throws LiveCaptureException {
        if (filter == null || filter.isBlank()) {
            return;
        }
        try {
            // A dead handle, not Pcaps.compileFilter: only a handle keeps libpcap's reason (pcap_geterr).
            PcapHandle dead = Pcaps.openDead(DataLinkType.EN10MB, LiveOptions.MAX_SNAPLEN);
            try {
                dead.compileFilter(filter, BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN).free();
            } finally {
                dead.close();
            }
        } catch (NotOpenException e) {
            throw new AssertionError("a dead handle closed while in use", e);
        } catch (LinkageError e) {
            throw PcapFailures.libpcapMissing(e);
        } catch (PcapNativeException e) {
            throw PcapFailures.badFilter(filter, e);
        }
    }
}
