package org.turnladder.live;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.pcap4j.core.PcapNativeException;
import org.turnladder.live.LiveCaptureException.Kind;

/** Turns what libpcap and pcap4j throw into {@link LiveCaptureException}s that say what to do. */
final class PcapFailures {
    static final String INSTALL_LIBPCAP =
            "install libpcap (Debian/Ubuntu: apt install libpcap0.8; Windows: Npcap; macOS: built in)";
    static final String GET_PRIVILEGE = "run with capabilities cap_net_raw,cap_net_admin (sudo setcap "
            + "cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))) or as root/administrator";
    /** libpcap's status codes (pcap/pcap.h). */
    private static final int PCAP_ERROR_NO_SUCH_DEVICE = -5, PCAP_ERROR_PERM_DENIED = -8,
            PCAP_ERROR_IFACE_NOT_UP = -9;
    /** pcap4j puts these in front of libpcap's own words. */
    private static final List<String> PCAP4J_PREFIXES = List.of("Error occurred in pcap_compile: ",
            "Error occured in pcap_compile: ", "Error occurred in pcap_next_ex(): ", "Error occured in pcap_next_ex(): ",
            "Error occured in pcap_setfilger: ", "Error occurred in pcap_setfilter: ");

    private PcapFailures() {
    }

    static LiveCaptureException libpcapMissing(LinkageError e) {
        return new LiveCaptureException(Kind.LIBPCAP_MISSING,
                "libpcap cannot be loaded (" + detail(e) + "): " + INSTALL_LIBPCAP, e);
    }

    /**
     * A failure to open {@code iface}. {@code knownNames} lists the interfaces libpcap knows (or null when it
     * cannot tell): a name missing from it is reported as unknown even when libpcap complains about permission
     * first, as it does for any name when the process may not open capture sockets.
     */
    static LiveCaptureException opening(String iface, Throwable e, Supplier<List<String>> knownNames) {
        if (e instanceof LinkageError l) {
            return libpcapMissing(l);
        }
        String text = detail(e);
        int code = e instanceof PcapNativeException p && p.getReturnCode() != null ? p.getReturnCode() : 0;
        List<String> names = knownNames.get();
        if (names != null && !names.isEmpty() && !names.contains(iface)) {
            return unknownInterface(iface, names, e);
        }
        if (code == PCAP_ERROR_PERM_DENIED || isPermission(text)) {
            return new LiveCaptureException(Kind.NO_PERMISSION,
                    "no permission to capture on " + iface + " (" + text + "): " + GET_PRIVILEGE, e);
        }
        if (code == PCAP_ERROR_NO_SUCH_DEVICE || contains(text, "no such device")) {
            return unknownInterface(iface, names, e);
        }
        if (code == PCAP_ERROR_IFACE_NOT_UP || contains(text, "not up")) {
            return new LiveCaptureException(Kind.INTERFACE_DOWN, "interface " + iface + " is down (" + text
                    + "): bring it up (Linux: ip link set " + iface + " up) or pick another interface", e);
        }
        return new LiveCaptureException(Kind.FAILED, "cannot capture on " + iface + ": " + text, e);
    }

    static LiveCaptureException unknownInterface(String iface, List<String> names, Throwable cause) {
        String known = names == null || names.isEmpty() ? "" : " (known: " + String.join(", ", names) + ")";
        return new LiveCaptureException(Kind.UNKNOWN_INTERFACE, "no interface named '" + iface + "'" + known
                + ": pick one from the list (turnladder capture --list)", cause);
    }

    static LiveCaptureException badFilter(String filter, Throwable e) {
        return new LiveCaptureException(Kind.BAD_FILTER, "bad capture filter '" + filter + "': " + detail(e)
                + ": fix the BPF expression (syntax: man pcap-filter), or leave it empty to capture everything", e);
    }

    /** A failure while packets were being read. */
    static LiveCaptureException reading(String iface, Throwable e) {
        if (e instanceof LinkageError l) {
            return libpcapMissing(l);
        }
        String text = detail(e);
        if (contains(text, "disappeared") || contains(text, "went down") || contains(text, "no such device")
                || contains(text, "network is down") || contains(text, "device not configured")
                || contains(text, "adapter") && contains(text, "removed")) {
            return new LiveCaptureException(Kind.INTERFACE_GONE, "capture on " + iface + " stopped: " + text
                    + ": the interface was removed or went down; the packets captured so far are kept; "
                    + "start again once it is back", e);
        }
        return new LiveCaptureException(Kind.FAILED, "capture on " + iface + " stopped: " + text
                + "; the packets captured so far are kept", e);
    }

    /** libpcap's words without pcap4j's prefixes, on one line. */
    static String detail(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        for (String prefix : PCAP4J_PREFIXES) {
            if (m.startsWith(prefix)) {
                m = m.substring(prefix.length());
                break;
            }
        }
        return m.replace('\n', ' ').replace('\r', ' ').trim();
    }

    private static boolean isPermission(String text) {
        return contains(text, "operation not permitted") || contains(text, "permission denied")
                || contains(text, "don't have permission") || contains(text, "access is denied");
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part);
    }
}
