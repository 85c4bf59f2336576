package org.turnladder.live;

import java.nio.file.Path;

/**
 * How to capture: which interface, which packets, how much of each, and whether to keep only the most recent files.
 *
 * @param interfaceName  the interface to capture on (see {@link Interfaces#list()})
 * @param filter         a BPF capture filter ({@code man pcap-filter}); empty captures everything
 * @param snapLength     bytes kept of each packet, 1 to {@link #MAX_SNAPLEN}
 * @param promiscuous    whether to see traffic not addressed to this host (mirror ports, hubs)
 * @param ringFiles      0 to keep every packet in one temporary file; N to keep only the newest N files of
 *                       {@code ringFileBytes} each, so a long capture cannot fill the disk
 * @param ringFileBytes  size at which the ring starts its next file (when {@code ringFiles > 0})
 * @param spoolDirectory where the temporary capture files go
 */
public record LiveOptions(String interfaceName, String filter, int snapLength, boolean promiscuous, int ringFiles,
        long ringFileBytes, Path spoolDirectory) {

    /**
     * The default filter for this job: SIP (5060 UDP/TCP, 5061 TLS, 5062 MRAS/MTLS, 5065 ASMCU), STUN/TURN (3478,
     * 5349, and 443 where Edge and Expressway put TURN over TCP and SIP over TLS), the Expressway TURN relay range
     * 24000–29999 and the Skype for Business Edge relay range 50000–59999; plus ICMP errors (they quote the datagram
     * that failed) and non-first IP fragments (a large SIP INVITE over UDP arrives in fragments that carry no ports).
     * Frames with VLAN tags need {@code vlan and (…)} around a filter; media of CMS on 32768–65535 outside the Edge
     * range is not included ({@link #ALL_TCP_UDP} catches it).
     */
    public static final String DEFAULT_FILTER = "((tcp or udp) and (port 5060 or port 5061 or port 5062 or port 5065"
            + " or port 3478 or port 5349 or port 443 or portrange 24000-29999 or portrange 50000-59999))"
            + " or icmp or icmp6 or (ip[6:2] & 0x1fff != 0) or (ip6[6] = 44)";
    /** Every TCP and UDP packet, whatever the port. */
    public static final String ALL_TCP_UDP = "tcp or udp";
    /** libpcap's largest snap length, and the largest {@code PcapWriter} stores. */
    public static final int MAX_SNAPLEN = 262144;

    public LiveOptions {
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new IllegalArgumentException("which interface? (an empty name)");
        }
        filter = filter == null ? "" : filter.strip();
        if (snapLength < 1 || snapLength > MAX_SNAPLEN) {
            throw new IllegalArgumentException("snap length " + snapLength + " is outside 1–" + MAX_SNAPLEN);
        }
        if (ringFiles < 0 || ringFiles > 0 && ringFileBytes <= 0) {
            throw new IllegalArgumentException("a ring needs at least one file of a positive size");
        }
        if (spoolDirectory == null) {
            spoolDirectory = defaultSpoolDirectory();
        }
    }

    /** Capture on {@code interfaceName} with the default filter, whole packets, promiscuous, one temporary file. */
    public static LiveOptions of(String interfaceName) {
        return new LiveOptions(interfaceName, DEFAULT_FILTER, MAX_SNAPLEN, true, 0, 0, defaultSpoolDirectory());
    }

    /** {@code turnladder-live} in the system's temporary folder: never next to the user's own files. */
    public static Path defaultSpoolDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "turnladder-live");
    }

    public LiveOptions withFilter(String bpf) {
        return new LiveOptions(interfaceName, bpf, snapLength, promiscuous, ringFiles, ringFileBytes, spoolDirectory);
    }

    public LiveOptions withSnapLength(int bytes) {
        return new LiveOptions(interfaceName, filter, bytes, promiscuous, ringFiles, ringFileBytes, spoolDirectory);
    }

    public LiveOptions withPromiscuous(boolean on) {
        return new LiveOptions(interfaceName, filter, snapLength, on, ringFiles, ringFileBytes, spoolDirectory);
    }

    /** Keep only the newest {@code files} temporary files of about {@code bytesEach} bytes; 0 files turns it off. */
    public LiveOptions withRing(int files, long bytesEach) {
        return new LiveOptions(interfaceName, filter, snapLength, promiscuous, files, files == 0 ? 0 : bytesEach,
                spoolDirectory);
    }

    public LiveOptions withSpoolDirectory(Path dir) {
        return new LiveOptions(interfaceName, filter, snapLength, promiscuous, ringFiles, ringFileBytes, dir);
    }
}
