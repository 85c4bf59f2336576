package org.turnladder.net;

import static org.turnladder.net.NetBytes.u16;
import static org.turnladder.net.NetBytes.u32;
import static org.turnladder.net.NetBytes.u8;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.turnladder.capture.FrameSpan;
import org.turnladder.capture.RawPacket;
import org.turnladder.net.FragmentReassembler.Datagram;
import org.turnladder.net.TransportPacket.IcmpError;
import org.turnladder.net.TransportPacket.TcpHeader;

/**
 * Turns captured frames into UDP datagrams and TCP segments: link layer, IPv4/IPv6 (extension headers, fragment
 * reassembly) and the transport header, plus ICMP/ICMPv6 errors that quote a UDP or TCP packet. Stateful (it
 * holds fragments), so use one per capture, feeding frames in capture order. Checksums are not verified, on
 * purpose: captures taken on the sending host carry offloaded, unfinished checksums.
 */
public final class PacketDissector {
    private static final int ICMP = 1, TCP = 6, UDP = 17, IPV6_FRAGMENT = 44, ICMPV6 = 58;
    private static final int MAX_IPV6_HEADERS = 16;

    private final FragmentReassembler fragments = new FragmentReassembler();
    private final Set<Integer> unsupportedLinkTypes = new LinkedHashSet<>();
    private long malformed;

    // state of the frame being dissected
    private RawPacket raw;
    private List<String> notes;
    private int walkedProtocol;

    /**
     * The UDP or TCP packet in this frame (or quoted by the ICMP error in it), or null when there is none, when the
     * frame is a fragment of a datagram still incomplete, or when its headers are too broken to read. Never throws.
     */
    public TransportPacket dissect(RawPacket packet) {
        raw = packet;
        notes = null;
        byte[] d = packet.data();
        int ip = LinkLayer.ipOffset(packet.linkType(), d);
        if (ip == LinkLayer.UNSUPPORTED) {
            unsupportedLinkTypes.add(packet.linkType());
            return null;
        }
        if (ip < 0) {
            return null;
        }
        int version = (d[ip] >> 4) & 0xf;
        if (version == 4) {
            return ipv4(d, ip, d.length);
        }
        return version == 6 ? ipv6(d, ip, d.length) : null;
    }

    /** Problems with the capture as a whole (unsupported link types, broken headers, lost fragments). */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        for (int linkType : unsupportedLinkTypes) {
            w.add("link type " + linkType + " is not supported");
        }
        if (malformed > 0) {
            w.add(malformed + (malformed == 1 ? " frame has" : " frames have") + " malformed IP or transport headers");
        }
        long incomplete = fragments.droppedCount() + fragments.pendingCount();
        if (incomplete > 0) {
            w.add(incomplete + " fragmented " + (incomplete == 1 ? "datagram was" : "datagrams were")
                    + " never completed");
        }
        if (fragments.oversizedCount() > 0) {
            w.add(fragments.oversizedCount() + " fragments were dropped: they reach beyond 64 KiB");
        }
        return List.copyOf(w);
    }

    private TransportPacket ipv4(byte[] d, int off, int end) {
        if (end - off < 20) {
            return malformed();
        }
        int ihl = (d[off] & 0xf) * 4;
        if (ihl < 20 || off + ihl > end) {
            return malformed();
        }
        int total = u16(d, off + 2);
        if (total < ihl) {
            note("IPv4 total length " + total + " is less than its header length");
        } else {
            end = declaredEnd("IPv4 total length", total, off, off + total, end);
        }
        int protocol = u8(d, off + 9);
        int flags = u16(d, off + 6);
        boolean more = (flags & 0x2000) != 0;
        int fragmentOffset = (flags & 0x1fff) * 8;
        int payload = off + ihl;
        if (!more && fragmentOffset == 0) {
            return transport(protocol, false, d, payload, end, d, off + 12, off + 16, null);
        }
        if (protocol != TCP && protocol != UDP && protocol != ICMP) {
            return null;
        }
        ByteBuffer key = ByteBuffer.allocate(11).put(d, off + 12, 8).put(d, off + 4, 2).put((byte) protocol).flip();
        Datagram datagram = fragments.add(key, raw.frame(), raw.epochNanos(), d, payload, end - payload,
                fragmentOffset, more, protocol);
        if (datagram == null) {
            return null;
        }
        byte[] data = datagram.data();
        return transport(protocol, false, data, 0, data.length, d, off + 12, off + 16, datagram);
    }

    private TransportPacket ipv6(byte[] d, int off, int end) {
        if (end - off < 40) {
            return malformed();
        }
        int payloadLength = u16(d, off + 4);
        if (payloadLength != 0) { // 0 means a jumbogram: the captured length is all there is to go by
            end = declaredEnd("IPv6 payload length", payloadLength, off, off + 40 + payloadLength, end);
        }
        int p = walkIpv6(d, off + 40, end, u8(d, off + 6), false);
        if (p < 0) {
            return null;
        }
        if (walkedProtocol != IPV6_FRAGMENT) {
            return transport(walkedProtocol, true, d, p, end, d, off + 8, off + 24, null);
        }
        if (p + 8 > end) {
            return malformed();
        }
        int next = u8(d, p);
        int offsetAndFlag = u16(d, p + 2);
        int fragmentOffset = offsetAndFlag & 0xfff8;
        boolean more = (offsetAndFlag & 1) != 0;
        if (fragmentOffset == 0 && !more) { // an atomic fragment (RFC 6946) is a whole datagram
            int t = walkIpv6(d, p + 8, end, next, true);
            return t < 0 ? null : transport(walkedProtocol, true, d, t, end, d, off + 8, off + 24, null);
        }
        ByteBuffer key = ByteBuffer.allocate(36).put(d, off + 8, 32).put(d, p + 4, 4).flip();
        Datagram datagram = fragments.add(key, raw.frame(), raw.epochNanos(), d, p + 8, end - (p + 8),
                fragmentOffset, more, fragmentOffset == 0 ? next : -1);
        if (datagram == null || datagram.nextHeader() < 0) {
            return null;
        }
        byte[] data = datagram.data();
        int t = walkIpv6(data, 0, data.length, datagram.nextHeader(), true);
        if (t < 0) {
            return null;
        }
        return transport(walkedProtocol, true, data, t, data.length, d, off + 8, off + 24, datagram);
    }

    /**
     * Walks IPv6 extension headers from {@code p}; returns the offset of the upper-layer header (its protocol in
     * {@link #walkedProtocol}), or -1 for ESP, no-next-header, unknown headers and headers running past the end.
     * Stops at a fragment header unless {@code throughFirstFragment}, which passes first fragments only.
     */
    private int walkIpv6(byte[] d, int p, int end, int next, boolean throughFirstFragment) {
        for (int i = 0; i < MAX_IPV6_HEADERS; i++) {
            switch (next) {
                case TCP, UDP, ICMPV6 -> {
                    walkedProtocol = next;
                    return p;
                }
                case 0, 43, 60, 135, 139, 140, 253, 254 -> { // hop-by-hop, routing, destination options, …
                    if (p + 2 > end) {
                        return -1;
                    }
                    next = u8(d, p);
                    p += (u8(d, p + 1) + 1) * 8;
                }
                case 51 -> { // authentication header counts in 4-byte words
                    if (p + 2 > end) {
                        return -1;
                    }
                    next = u8(d, p);
                    p += (u8(d, p + 1) + 2) * 4;
                }
                case IPV6_FRAGMENT -> {
                    if (!throughFirstFragment) {
                        walkedProtocol = IPV6_FRAGMENT;
                        return p;
                    }
                    if (p + 8 > end || (u16(d, p + 2) & 0xfff8) != 0) {
                        return -1;
                    }
                    next = u8(d, p);
                    p += 8;
                }
                default -> {
                    return -1; // ESP (50), no next header (59), or something not carrying UDP/TCP
                }
            }
            if (p > end) {
                return -1;
            }
        }
        return -1;
    }

    /** Trims to the length the IP header declares (Ethernet padding), or notes that the capture holds less. */
    /** {@code what} and {@code value} name the length field; the text is only built for the warning. */
    private int declaredEnd(String what, int value, int ipStart, int declared, int end) {
        if (declared < end) {
            return declared;
        }
        if (declared > end) {
            note(what + " " + value + " exceeds the " + (end - ipStart) + " bytes captured"
                    + (raw.truncated() ? " (cut by the snap length)" : ""));
        }
        return end;
    }

    private TransportPacket transport(int protocol, boolean v6, byte[] b, int start, int end, byte[] addr,
                                      int srcAt, int dstAt, Datagram datagram) {
        if (protocol == UDP) {
            return udp(b, start, end, addr, srcAt, dstAt, v6, datagram);
        }
        if (protocol == TCP) {
            return tcp(b, start, end, addr, srcAt, dstAt, v6, datagram);
        }
        if (protocol == (v6 ? ICMPV6 : ICMP)) {
            return icmp(b, start, end, addr, srcAt, v6, datagram);
        }
        return null;
    }

    private TransportPacket udp(byte[] b, int start, int end, byte[] addr, int srcAt, int dstAt, boolean v6,
                                Datagram datagram) {
        if (end - start < 8) {
            return malformed();
        }
        int length = u16(b, start + 4);
        if (length >= 8 && start + length <= end) {
            end = start + length;
        } else if (length > end - start) {
            note("UDP length " + length + " exceeds the " + (end - start) + " bytes present");
        } else if (length != 0) { // 0 is legal only in IPv6 jumbograms; then the IP length rules
            note("UDP length " + length + " is less than its 8-byte header");
        }
        int alen = v6 ? 16 : 4;
        return packet(Endpoint.of(addr, srcAt, alen, u16(b, start)), Endpoint.of(addr, dstAt, alen, u16(b, start + 2)),
                Transport.UDP, b, start + 8, end, datagram, null, null);
    }

    private TransportPacket tcp(byte[] b, int start, int end, byte[] addr, int srcAt, int dstAt, boolean v6,
                                Datagram datagram) {
        if (end - start < 20) {
            return malformed();
        }
        int headerLength = (u8(b, start + 12) >> 4) * 4;
        if (headerLength < 20) {
            return malformed();
        }
        int payload = start + headerLength;
        if (payload > end) {
            note("TCP header of " + headerLength + " bytes is cut short");
            payload = end;
        }
        int alen = v6 ? 16 : 4;
        return packet(Endpoint.of(addr, srcAt, alen, u16(b, start)), Endpoint.of(addr, dstAt, alen, u16(b, start + 2)),
                Transport.TCP, b, payload, end, datagram, tcpHeader(b, start, end), null);
    }

    /** TCP fields; those the bytes present do not reach are 0 (ICMP errors may quote only 8 bytes). */
    private static TcpHeader tcpHeader(byte[] b, int start, int end) {
        long seq = start + 8 <= end ? u32(b, start + 4) : 0;
        long ack = start + 12 <= end ? u32(b, start + 8) : 0;
        int flags = start + 14 <= end ? ((u8(b, start + 12) & 1) << 8) | u8(b, start + 13) : 0;
        int window = start + 16 <= end ? u16(b, start + 14) : 0;
        return new TcpHeader(seq, ack, flags, window);
    }

    private TransportPacket icmp(byte[] b, int start, int end, byte[] addr, int reporterAt, boolean v6,
                                 Datagram datagram) {
        if (end - start < 8) {
            return null;
        }
        int type = u8(b, start);
        int code = u8(b, start + 1);
        if (!IcmpTexts.quotes(v6, type)) {
            return null;
        }
        int q = start + 8;
        if (q >= end || ((b[q] >> 4) & 0xf) != (v6 ? 6 : 4)) {
            return null;
        }
        int quotedEnd = end;
        int transport;
        int protocol;
        int alen = v6 ? 16 : 4;
        int srcAt, dstAt;
        if (v6) {
            if (end - q < 40) {
                return null;
            }
            int payloadLength = u16(b, q + 4);
            if (payloadLength != 0 && q + 40 + payloadLength < end) {
                quotedEnd = q + 40 + payloadLength;
            }
            transport = walkIpv6(b, q + 40, quotedEnd, u8(b, q + 6), true);
            if (transport < 0) {
                return null;
            }
            protocol = walkedProtocol;
            srcAt = q + 8;
            dstAt = q + 24;
        } else {
            if (end - q < 20) {
                return null;
            }
            int ihl = (b[q] & 0xf) * 4;
            if (ihl < 20 || q + ihl > end || (u16(b, q + 6) & 0x1fff) != 0) {
                return null;
            }
            int total = u16(b, q + 2);
            if (total >= ihl && q + total < end) {
                quotedEnd = q + total;
            }
            transport = q + ihl;
            protocol = u8(b, q + 9);
            srcAt = q + 12;
            dstAt = q + 16;
        }
        if ((protocol != UDP && protocol != TCP) || transport + 4 > quotedEnd) {
            return null; // without both ports there is nothing to match the error to
        }
        Endpoint src = Endpoint.of(b, srcAt, alen, u16(b, transport));
        Endpoint dst = Endpoint.of(b, dstAt, alen, u16(b, transport + 2));
        IcmpError error = new IcmpError(Endpoint.of(addr, reporterAt, alen, 0), v6, type, code,
                IcmpTexts.text(v6, type, code));
        if (protocol == UDP) {
            int payload = Math.min(transport + 8, quotedEnd);
            int length = transport + 6 <= quotedEnd ? u16(b, transport + 4) : 0;
            if (length >= 8 && transport + length < quotedEnd) {
                quotedEnd = transport + length;
            }
            return packet(src, dst, Transport.UDP, b, payload, quotedEnd, datagram, null, error);
        }
        int headerLength = transport + 13 <= quotedEnd ? Math.max(20, (u8(b, transport + 12) >> 4) * 4) : 20;
        int payload = Math.min(transport + headerLength, quotedEnd);
        return packet(src, dst, Transport.TCP, b, payload, quotedEnd, datagram, tcpHeader(b, transport, quotedEnd),
                error);
    }

    private TransportPacket packet(Endpoint src, Endpoint dst, Transport transport, byte[] b, int payload, int end,
                                   Datagram datagram, TcpHeader tcp, IcmpError icmp) {
        int length = end - payload;
        List<FrameSpan> spans;
        if (length == 0) {
            spans = List.of();
        } else if (datagram == null) {
            spans = List.of(new FrameSpan(raw.frame(), payload, length));
        } else {
            spans = datagram.spans(payload, length);
        }
        return new TransportPacket(raw.frame(), raw.epochNanos(), src, dst, transport, b, payload, length, spans,
                tcp, icmp, notes == null ? List.of() : List.copyOf(notes));
    }

    private void note(String message) {
        if (notes == null) {
            notes = new ArrayList<>(2);
        }
        notes.add(message);
    }

    private TransportPacket malformed() {
        malformed++;
        return null;
    }
}
