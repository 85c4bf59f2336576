package org.turnladder.sip.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ICE candidate from {@code a=candidate:} or {@code a=x-candidate-ipv6:}.
 *
 * <p>RFC 5245 / MS-ICE2 form: {@code <foundation> <component> <transport> <priority> <address> <port> typ <type>
 * [raddr <a> rport <p>] [<name> <value>]*}. MS-ICE v1 ("ICEv6", {@link #legacy()}) form:
 * {@code <b64 username> <component> <b64 password> <UDP|TCP> <0.xyz preference> <address> <port>}; there the
 * username is the foundation, {@code type} is empty, {@code priority} is 0 and the extensions map holds
 * {@code username}, {@code password} and {@code preference}.
 *
 * @param transport  verbatim ({@code TCP-ACT}, {@code TCP-PASS}, {@code UDP}, {@code TCP}, {@code tcp-pass})
 * @param priority   32-bit unsigned priority
 * @param type       {@code host}, {@code srflx}, {@code prflx}, {@code relay}; empty for MS-ICE v1
 * @param raddr      related address, {@code null} if absent
 * @param rport      related port, {@code null} if absent
 * @param ipv6       from {@code a=x-candidate-ipv6} or an IPv6 address
 * @param extensions name/value pairs after the fixed part other than raddr/rport, in written order
 *                   ({@code tcptype}, {@code generation}, {@code MTURNID})
 * @param raw        the whole attribute line as written, without its line end and trailing white space
 * @param offset     first byte of the line, relative to the SIP message's first byte
 * @param length     bytes of the line without its line end and trailing white space
 */
public record IceCandidate(String foundation, int component, String transport, TcpType tcpType, long priority,
                           String address, int port, String type, String raddr, Integer rport, boolean ipv6,
                           boolean legacy, Map<String, String> extensions, String raw, int offset, int length) {

    public IceCandidate {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** Whether the transport is a TCP flavour. */
    public boolean isTcp() {
        return transport.regionMatches(true, 0, "TCP", 0, 3);
    }

    public boolean isRelay() {
        return "relay".equalsIgnoreCase(type);
    }

    /** RFC 5245 §4.1.2.1 type preference: {@code priority >> 24} (126 host … 0/1/3 relays in MS traffic). */
    public int typePreference() {
        return (int) (priority >>> 24) & 0xFF;
    }

    /** RFC 5245 §4.1.2.1 local preference: {@code (priority >> 8) & 0xFFFF}. */
    public int localPreference() {
        return (int) (priority >>> 8) & 0xFFFF;
    }

    /** {@code address:port}, IPv6 in brackets. */
    public String endpoint() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
