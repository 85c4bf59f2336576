package org.turnladder.analysis.ice;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.memory.BoundedMap;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.sip.SipMessage;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;

/**
 * The ICE candidates and ufrags offered in SIP/SDP so far, looked up by transport, address and port, so a pair
 * endpoint can be named "offer candidate 4 (TCP-PASS relay) of call …".
 */
final class CandidateIndex {
    private static final int MAX_ADDRESSES = 4096;
    private static final int MAX_UFRAGS = 1024;
    private static final int MAX_PER_ADDRESS = 4;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Key(Transport transport, Endpoint endpoint) {
    }

    private final Map<Key, List<CandidateLink>> byAddress = new BoundedMap<>(MAX_ADDRESSES);
    private final Map<String, SdpAgentRef> byUfrag = new BoundedMap<>(MAX_UFRAGS);

    void sip(DecodedMessage m, SipMessage sip) {
        if (sip.callId() == null) {
            return;
        }
        var sdp = sip.preferredSdp();
        if (sdp.isEmpty()) {
            return;
        }
        String sdpRole = sip.isRequest() ? "offer" : "answer";
        SdpSession s = sdp.get();
        for (SdpMedia media : s.media()) {
            SdpAgentRef agent = new SdpAgentRef(sip.callId(), sdpRole, media.type(), m.frame());
            if (media.iceUfrag() != null) {
                byUfrag.putIfAbsent(media.iceUfrag(), agent);
            }
            List<IceCandidate> candidates = media.candidates();
            for (int i = 0; i < candidates.size(); i++) {
                IceCandidate c = candidates.get(i);
                Endpoint e = endpoint(c.address(), c.port());
                if (e == null) {
                    continue;
                }
                Key key = new Key(c.isTcp() ? Transport.TCP : Transport.UDP, e);
                List<CandidateLink> links = byAddress.computeIfAbsent(key, k -> new ArrayList<>(2));
                if (links.size() < MAX_PER_ADDRESS) {
                    links.add(new CandidateLink(agent, i + 1, c.foundation(), c.transport(), c.type(), e.toString(),
                            media.iceUfrag(), "address"));
                }
            }
        }
    }

    /** The SDP that offered this ufrag, {@code null} if none did. */
    SdpAgentRef agent(String ufrag) {
        return ufrag == null ? null : byUfrag.get(ufrag);
    }

    /**
     * Candidates for one pair end: those at its own address, then those at an address the far agent saw it as;
     * a candidate of another ufrag than the end's is not this agent's and is left out.
     */
    List<CandidateLink> lookup(Transport transport, Endpoint endpoint, List<Endpoint> seenAs, String ufrag) {
        List<CandidateLink> out = new ArrayList<>();
        add(out, byAddress.get(new Key(transport, endpoint)), ufrag, "address");
        for (Endpoint e : seenAs) {
            if (!e.equals(endpoint)) {
                add(out, byAddress.get(new Key(transport, e)), ufrag, "mapped");
            }
        }
        return out;
    }

    private static void add(List<CandidateLink> out, List<CandidateLink> links, String ufrag, String matchedBy) {
        if (links == null) {
            return;
        }
        for (CandidateLink c : links) {
            if (ufrag != null && c.ufrag() != null && !ufrag.equals(c.ufrag())) {
                continue;
            }
            out.add(matchedBy.equals(c.matchedBy()) ? c
                    : new CandidateLink(c.agent(), c.number(), c.foundation(), c.transport(), c.type(), c.address(),
                    c.ufrag(), matchedBy));
        }
    }

    /** A numeric address only: a host name here would mean a DNS lookup (mDNS candidates are skipped). */
    static Endpoint endpoint(String address, int port) {
        if (address == null || port < 0 || port > 65535) {
            return null;
        }
        if (IPV4.matcher(address).matches()) {
            String[] parts = address.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
            return Endpoint.of(b, 0, 4, port);
        }
        if (!IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            // a string with ':' is only ever read as an IPv6 literal (never looked up): the JDK rejects it otherwise
            return Endpoint.of(InetAddress.getByName(address), port);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
