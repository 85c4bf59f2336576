package org.turnladder.analysis.roles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.net.Addresses;
import org.turnladder.net.Endpoint;

/**
 * Everything the role detector learnt so far: clues per IP address and links between addresses of one box
 * ("this relayed address belongs to that TURN server"). Both are capped so a capture with very many hosts costs
 * bounded memory.
 */
final class Observations {
    static final int MAX_HOSTS = 50_000;
    static final int MAX_LINKS = 20_000;

    private final Map<String, HostClues> hosts = new LinkedHashMap<>();
    private final Set<Link> links = new LinkedHashSet<>();

    /** Two addresses of one box. */
    record Link(String a, String b) {
        static Link of(String x, String y) {
            return x.compareTo(y) <= 0 ? new Link(x, y) : new Link(y, x);
        }
    }

    /** The host of an endpoint, made on first use; null once the cap is reached. */
    HostClues host(Endpoint e) {
        String key = e.host();
        HostClues h = hosts.get(key);
        if (h == null && hosts.size() < MAX_HOSTS) {
            h = new HostClues(key, e.addressBytes());
            hosts.put(key, h);
        }
        return h;
    }

    /** The host of a numeric address in text (SDP, Via); null for names and unusable addresses. */
    HostClues host(String text) {
        byte[] b = IpText.parse(text);
        if (b == null) {
            return null;
        }
        String key = Addresses.format(b);
        HostClues h = hosts.get(key);
        if (h == null && hosts.size() < MAX_HOSTS) {
            h = new HostClues(key, b);
            hosts.put(key, h);
        }
        return h;
    }

    /** A message or connection between two endpoints: both were on the wire, and they talk to each other. */
    void traffic(Endpoint src, Endpoint dst, long frame) {
        HostClues a = host(src);
        HostClues b = host(dst);
        if (a != null) {
            a.seen(frame);
        }
        if (b != null) {
            b.seen(frame);
        }
        if (a != null && b != null) {
            a.peer(b.address);
            b.peer(a.address);
        }
    }

    void link(HostClues a, HostClues b) {
        if (a != null && b != null && a != b && links.size() < MAX_LINKS) {
            links.add(Link.of(a.address, b.address));
        }
    }

    List<HostClues> hosts() {
        return new ArrayList<>(hosts.values());
    }

    List<Link> links() {
        return new ArrayList<>(links);
    }
}
