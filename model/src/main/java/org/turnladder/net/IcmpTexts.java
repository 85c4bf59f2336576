package org.turnladder.net;

/** Wireshark-style names of the ICMP and ICMPv6 errors that quote a datagram. */
final class IcmpTexts {
    private IcmpTexts() {
    }

    private static final String[] V4_UNREACHABLE = {
        "Network unreachable", "Host unreachable", "Protocol unreachable", "Port unreachable",
        "Fragmentation needed", "Source route failed", "Destination network unknown", "Destination host unknown",
        "Source host isolated", "Network administratively prohibited", "Host administratively prohibited",
        "Network unreachable for TOS", "Host unreachable for TOS", "Communication administratively filtered",
        "Host precedence violation", "Precedence cutoff in effect"};
    private static final String[] V4_TIME = {"Time to live exceeded in transit", "Fragment reassembly time exceeded"};
    private static final String[] V6_UNREACHABLE = {
        "No route to destination", "Administratively prohibited", "Beyond scope of source address",
        "Address unreachable", "Port unreachable", "Source address failed ingress/egress policy",
        "Reject route to destination"};
    private static final String[] V6_TIME = {"Hop limit exceeded in transit", "Fragment reassembly time exceeded"};

    /** Whether an ICMP message of this type quotes the datagram that caused it and is decoded here. */
    static boolean quotes(boolean v6, int type) {
        return v6 ? type == 1 || type == 2 || type == 3 : type == 3 || type == 11;
    }

    static String text(boolean v6, int type, int code) {
        if (v6) {
            return switch (type) {
                case 1 -> "Destination unreachable (" + name(V6_UNREACHABLE, code) + ")";
                case 2 -> "Packet too big";
                case 3 -> "Time exceeded (" + name(V6_TIME, code) + ")";
                default -> "ICMPv6 type " + type + " code " + code;
            };
        }
        return switch (type) {
            case 3 -> "Destination unreachable (" + name(V4_UNREACHABLE, code) + ")";
            case 11 -> "Time-to-live exceeded (" + name(V4_TIME, code) + ")";
            default -> "ICMP type " + type + " code " + code;
        };
    }

    private static String name(String[] names, int code) {
        return code >= 0 && code < names.length ? names[code] : "code " + code;
    }
}
