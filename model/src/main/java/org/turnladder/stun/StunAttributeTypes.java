package org.turnladder.stun;

import static org.turnladder.stun.ValueKind.*;

/**
 * Attribute names and layouts: one table for IETF codes, one for Microsoft codes (PROTOCOLS.md §3).
 * In MS-TURN messages the Microsoft table wins (0x0012 plain REMOTE-ADDRESS, 0x0014/0x0015 swapped);
 * elsewhere the IETF table wins and the Microsoft table supplies MS-ICE2 extras such as 0x8054 and 0x8070.
 */
public final class StunAttributeTypes {
    public static final int MAPPED_ADDRESS = 0x0001;
    public static final int USERNAME = 0x0006;
    public static final int MESSAGE_INTEGRITY = 0x0008;
    public static final int ERROR_CODE = 0x0009;
    public static final int LIFETIME = 0x000D;
    public static final int MS_MAGIC_COOKIE = 0x000F;
    public static final int MS_DESTINATION_ADDRESS = 0x0011;
    public static final int XOR_PEER_ADDRESS = 0x0012;
    public static final int DATA = 0x0013;
    public static final int REALM = 0x0014;
    public static final int NONCE = 0x0015;
    public static final int XOR_RELAYED_ADDRESS = 0x0016;
    public static final int REQUESTED_TRANSPORT = 0x0019;
    public static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    public static final int PRIORITY = 0x0024;
    public static final int USE_CANDIDATE = 0x0025;
    public static final int CONNECTION_ID = 0x002A;
    public static final int MS_VERSION = 0x8008;
    public static final int MS_XOR_MAPPED_ADDRESS = 0x8020;
    public static final int SOFTWARE = 0x8022;
    public static final int FINGERPRINT = 0x8028;
    public static final int MS_CANDIDATE_IDENTIFIER = 0x8054;
    public static final int MS_IMPLEMENTATION_VERSION = 0x8070;

    /** Value of the MS-TURN MAGIC-COOKIE attribute. */
    public static final int MS_MAGIC_COOKIE_VALUE = 0x72C64BC6;

    static final AttributeTable IETF = AttributeTable.builder()
            .add(0x0001, "MAPPED-ADDRESS", ADDRESS)
            .add(0x0002, "RESPONSE-ADDRESS", ADDRESS)
            .add(0x0003, "CHANGE-REQUEST", UINT32)
            .add(0x0004, "SOURCE-ADDRESS", ADDRESS)
            .add(0x0005, "CHANGED-ADDRESS", ADDRESS)
            .add(0x0006, "USERNAME", ValueKind.USERNAME)
            .add(0x0007, "PASSWORD", OPAQUE)
            .add(0x0008, "MESSAGE-INTEGRITY", OPAQUE)
            .add(0x0009, "ERROR-CODE", ValueKind.ERROR_CODE)
            .add(0x000A, "UNKNOWN-ATTRIBUTES", UNKNOWN_ATTRIBUTES)
            .add(0x000B, "REFLECTED-FROM", ADDRESS)
            .add(0x000C, "CHANNEL-NUMBER", UINT16_RFFU)
            .add(0x000D, "LIFETIME", UINT32)
            .add(0x0010, "BANDWIDTH", UINT32)
            .add(0x0012, "XOR-PEER-ADDRESS", XOR_ADDRESS)
            .add(0x0013, "DATA", OPAQUE)
            .add(0x0014, "REALM", TEXT)
            .add(0x0015, "NONCE", TEXT)
            .add(0x0016, "XOR-RELAYED-ADDRESS", XOR_ADDRESS)
            .add(0x0017, "REQUESTED-ADDRESS-FAMILY", FAMILY)
            .add(0x0018, "EVEN-PORT", OPAQUE)
            .add(0x0019, "REQUESTED-TRANSPORT", TRANSPORT)
            .add(0x001A, "DONT-FRAGMENT", EMPTY)
            .add(0x001B, "ACCESS-TOKEN", OPAQUE)
            .add(0x001C, "MESSAGE-INTEGRITY-SHA256", OPAQUE)
            .add(0x001D, "PASSWORD-ALGORITHM", OPAQUE)
            .add(0x001E, "USERHASH", OPAQUE)
            .add(0x0020, "XOR-MAPPED-ADDRESS", XOR_ADDRESS)
            .add(0x0022, "RESERVATION-TOKEN", UINT64_HEX)
            .add(0x0024, "PRIORITY", UINT32)
            .add(0x0025, "USE-CANDIDATE", EMPTY)
            .add(0x0026, "PADDING", OPAQUE)
            .add(0x0027, "RESPONSE-PORT", UINT16_RFFU)
            .add(0x0028, "XOR-REFLECTED-FROM", XOR_ADDRESS)
            .add(0x002A, "CONNECTION-ID", UINT32)
            .add(0x0030, "ICMP (legacy)", OPAQUE)
            .add(0x8000, "ADDITIONAL-ADDRESS-FAMILY", FAMILY)
            .add(0x8001, "ADDRESS-ERROR-CODE", OPAQUE)
            .add(0x8002, "PASSWORD-ALGORITHMS", OPAQUE)
            .add(0x8003, "ALTERNATE-DOMAIN", TEXT)
            .add(0x8004, "ICMP", OPAQUE)
            .add(0x8022, "SOFTWARE", TEXT)
            .add(0x8023, "ALTERNATE-SERVER", ADDRESS)
            .add(0x8025, "TRANSACTION-TRANSMIT-COUNTER", OPAQUE)
            .add(0x8027, "CACHE-TIMEOUT", UINT32)
            .add(0x8028, "FINGERPRINT", OPAQUE)
            .add(0x8029, "ICE-CONTROLLED", UINT64_HEX)
            .add(0x802A, "ICE-CONTROLLING", UINT64_HEX)
            .add(0x802B, "RESPONSE-ORIGIN", ADDRESS)
            .add(0x802C, "OTHER-ADDRESS", ADDRESS)
            .add(0x802D, "ECN-CHECK-STUN", OPAQUE)
            .add(0x802E, "THIRD-PARTY-AUTHORIZATION", OPAQUE)
            .add(0x8030, "MOBILITY-TICKET", OPAQUE)
            .add(0xC000, "CISCO-STUN-FLOWDATA", OPAQUE)
            .add(0xC001, "ENF-FLOW-DESCRIPTION / NOMINATION", OPAQUE)
            .add(0xC002, "ENF-NETWORK-STATUS", OPAQUE)
            .add(0xC057, "GOOG-NETWORK-INFO", OPAQUE)
            .add(0xC058, "GOOG-LAST-ICE-CHECK-RECEIVED", OPAQUE)
            .add(0xC059, "GOOG-MISC-INFO", OPAQUE)
            .add(0xC05A, "GOOG-OBSOLETE-1", OPAQUE)
            .add(0xC05B, "GOOG-CONNECTION-ID", OPAQUE)
            .add(0xC05C, "GOOG-DELTA", OPAQUE)
            .add(0xC05D, "GOOG-DELTA-ACK", OPAQUE)
            .add(0xC060, "GOOG-MESSAGE-INTEGRITY-32", OPAQUE)
            .add(0xFF04, "GOOG-MULTI-MAPPING", OPAQUE)
            .add(0xFF05, "GOOG-LOGGING-ID", OPAQUE)
            .build();

    /** Microsoft codes; the first block only applies in the MS-TURN dialect (it overrides IETF meanings). */
    static final AttributeTable MS = AttributeTable.builder()
            .add(0x000E, "ALTERNATE-SERVER (MS)", ADDRESS)
            .add(0x000F, "MAGIC-COOKIE", MS_MAGIC)
            .add(0x0011, "DESTINATION-ADDRESS", ADDRESS)
            .add(0x0012, "REMOTE-ADDRESS", ADDRESS)
            .add(0x0014, "NONCE", TEXT)
            .add(0x0015, "REALM", TEXT)
            .add(0x8006, "MS-UNKNOWN-8006", OPAQUE)
            .add(0x8008, "MS-VERSION", UINT32)
            .add(0x8020, "XOR-MAPPED-ADDRESS (MS)", XOR_ADDRESS)
            .add(0x8032, "MS-ALTERNATE-HOST-NAME", TEXT)
            .add(0x8037, "MS-APP-ID", OPAQUE)
            .add(0x8039, "MS-SECURE-TAG", OPAQUE)
            .add(0x8050, "MS-SEQUENCE-NUMBER", OPAQUE)
            .add(0x8054, "MS-CANDIDATE-IDENTIFIER", ValueKind.USERNAME)
            .add(0x8055, "MS-SERVICE-QUALITY", OPAQUE)
            .add(0x8056, "BANDWIDTH-ADMISSION-CONTROL-MESSAGE", OPAQUE)
            .add(0x8057, "BANDWIDTH-RESERVATION-ID", OPAQUE)
            .add(0x8058, "BANDWIDTH-RESERVATION-AMOUNT", OPAQUE)
            .add(0x8059, "REMOTE-SITE-ADDRESS", XOR_ADDRESS)
            .add(0x805A, "REMOTE-RELAY-SITE-ADDRESS", XOR_ADDRESS)
            .add(0x805B, "LOCAL-SITE-ADDRESS", XOR_ADDRESS)
            .add(0x805C, "LOCAL-RELAY-SITE-ADDRESS", XOR_ADDRESS)
            .add(0x805D, "REMOTE-SITE-ADDRESS-RESPONSE", OPAQUE)
            .add(0x805E, "REMOTE-RELAY-SITE-ADDRESS-RESPONSE", OPAQUE)
            .add(0x805F, "LOCAL-SITE-ADDRESS-RESPONSE", OPAQUE)
            .add(0x8060, "LOCAL-RELAY-SITE-ADDRESS-RESPONSE", OPAQUE)
            .add(0x8061, "SIP-DIALOG-ID", OPAQUE)
            .add(0x8062, "SIP-CALL-ID", TEXT)
            .add(0x8068, "LOCATION-PROFILE", OPAQUE)
            .add(0x8070, "MS-IMPLEMENTATION-VERSION", UINT32)
            .add(0x8090, "MS-ALTERNATE-MAPPED-ADDRESS", ADDRESS)
            .add(0x8095, "MS-MULTIPLEXED-TURN-SESSION-ID", UINT64_HEX)
            .build();

    /** MS codes that re-mean an IETF code, so only apply in the MS-TURN dialect. */
    private static boolean msOnlyInMsDialect(int type) {
        return type <= 0x0015;
    }

    private StunAttributeTypes() {
    }

    static AttributeTable.Spec spec(int type, Dialect dialect) {
        if (dialect == Dialect.MS_TURN) {
            AttributeTable.Spec s = MS.get(type);
            return s != null ? s : IETF.get(type);
        }
        AttributeTable.Spec s = IETF.get(type);
        if (s == null && !msOnlyInMsDialect(type)) {
            s = MS.get(type);
        }
        return s;
    }

    /** The attribute's name in a dialect, or "Unknown (0x1234)". */
    public static String name(int type, Dialect dialect) {
        AttributeTable.Spec s = spec(type, dialect);
        return s != null ? s.name() : String.format("Unknown (0x%04x)", type);
    }
}
