package org.turnladder.net;

import static org.turnladder.net.NetBytes.u16;

/** Finds where the IP header starts behind each supported link-layer header. */
final class LinkLayer {
    /** The frame does not carry IPv4 or IPv6 (ARP, LLDP, a too-short frame…). */
    static final int NOT_IP = -1;
    /** The dissector does not know this link type. */
    static final int UNSUPPORTED = -2;

    private static final int ETH_IPV4 = 0x0800, ETH_IPV6 = 0x86dd, ETH_VLAN = 0x8100, ETH_QINQ = 0x88a8,
            ETH_QINQ_OLD1 = 0x9100, ETH_QINQ_OLD2 = 0x9200, ETH_PPPOE_SESSION = 0x8864;
    private static final int MAX_TAGS = 8;

    private LinkLayer() {
    }

    /** Offset of the IP header in {@code d}, or {@link #NOT_IP} / {@link #UNSUPPORTED}. */
    static int ipOffset(int linkType, byte[] d) {
        switch (linkType) {
            case LinkType.ETHERNET:
                return d.length < 14 ? NOT_IP : afterEtherType(d, 12);
            case LinkType.LINUX_SLL:
                return d.length < 16 ? NOT_IP : afterEtherType(d, 14);
            case LinkType.LINUX_SLL2:
                return d.length < 20 ? NOT_IP : ipIfEtherType(u16(d, 0), d, 20);
            case LinkType.RAW:
            case LinkType.RAW_12:
            case LinkType.RAW_14:
            case LinkType.IPV4:
            case LinkType.IPV6:
                return d.length == 0 ? NOT_IP : 0;
            case LinkType.NULL:
                return d.length < 4 ? NOT_IP : ipIfFamily(nullFamily(d), d);
            case LinkType.LOOP:
                return d.length < 4 ? NOT_IP : ipIfFamily((int) NetBytes.u32(d, 0), d);
            default:
                return UNSUPPORTED;
        }
    }

    /** The family is in the capturing host's byte order: small values tell which order that was. */
    private static int nullFamily(byte[] d) {
        int be = (int) NetBytes.u32(d, 0);
        int le = Integer.reverseBytes(be);
        return (be & 0xffff0000) == 0 ? be : le;
    }

    private static int ipIfFamily(int family, byte[] d) {
        // 2 = AF_INET everywhere; 24, 28, 30 = AF_INET6 on NetBSD/OpenBSD, FreeBSD, Darwin
        return family == 2 || family == 24 || family == 28 || family == 30 ? (d.length > 4 ? 4 : NOT_IP) : NOT_IP;
    }

    /** Follows 802.1Q / 802.1ad tags (and PPPoE session framing) from the EtherType at {@code typeAt}. */
    private static int afterEtherType(byte[] d, int typeAt) {
        for (int tags = 0; tags <= MAX_TAGS; tags++) {
            if (typeAt + 2 > d.length) {
                return NOT_IP;
            }
            int type = u16(d, typeAt);
            if (type == ETH_VLAN || type == ETH_QINQ || type == ETH_QINQ_OLD1 || type == ETH_QINQ_OLD2) {
                typeAt += 4;
                continue;
            }
            if (type == ETH_PPPOE_SESSION) {
                // 6-byte PPPoE header, then the 2-byte PPP protocol (0x0021 IPv4, 0x0057 IPv6)
                int ppp = typeAt + 8;
                if (ppp + 2 > d.length) {
                    return NOT_IP;
                }
                int proto = u16(d, ppp);
                return proto == 0x0021 || proto == 0x0057 ? checked(ppp + 2, d) : NOT_IP;
            }
            return ipIfEtherType(type, d, typeAt + 2);
        }
        return NOT_IP;
    }

    private static int ipIfEtherType(int type, byte[] d, int start) {
        return type == ETH_IPV4 || type == ETH_IPV6 ? checked(start, d) : NOT_IP;
    }

    private static int checked(int start, byte[] d) {
        return start < d.length ? start : NOT_IP;
    }
}
