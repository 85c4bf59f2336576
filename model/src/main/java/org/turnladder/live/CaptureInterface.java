package org.turnladder.live;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNetworkInterface;

/**
 * An interface libpcap can capture on.
 *
 * @param name        the name to capture with ({@code eth0}, {@code lo}, {@code any}, {@code \Device\NPF_{…}})
 * @param description libpcap's description, or "" when it has none
 * @param addresses   its IPv4 and IPv6 addresses as text, in libpcap's order
 * @param loopback    whether it is a loopback interface
 * @param up          whether it is administratively up
 * @param running     whether it is running (link present)
 */
public record CaptureInterface(String name, String description, List<String> addresses, boolean loopback, boolean up,
        boolean running) {

    public CaptureInterface {
        description = description == null ? "" : description;
        addresses = List.copyOf(addresses);
    }

    static CaptureInterface of(PcapNetworkInterface nif) {
        List<String> addresses = new ArrayList<>();
        for (PcapAddress a : nif.getAddresses()) {
            InetAddress address = a.getAddress();
            if (address != null) {
                addresses.add(InetAddresses.toAddrString(address));
            }
        }
        return new CaptureInterface(nif.getName(), nif.getDescription(), addresses, nif.isLoopBack(), nif.isUp(),
                nif.isRunning());
    }

    /** One line for a list: name, state, addresses and description. */
    public String label() {
        StringBuilder sb = new StringBuilder(name);
        sb.append(" (").append(up ? "up" : "down");
        if (loopback) {
            sb.append(", loopback");
        }
        sb.append(')');
        if (!addresses.isEmpty()) {
            sb.append(' ').append(String.join(", ", addresses));
        }
        if (!description.isEmpty()) {
            sb.append(" — ").append(description);
        }
        return sb.toString();
    }
}
