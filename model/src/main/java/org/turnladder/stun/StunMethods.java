package org.turnladder.stun;

/** STUN/TURN method numbers and names (PROTOCOLS.md §2), including the MS-TURN reinterpretations. */
public final class StunMethods {
    public static final int BINDING = 0x001;
    public static final int SHARED_SECRET = 0x002;
    public static final int ALLOCATE = 0x003;
    public static final int REFRESH = 0x004;
    public static final int SEND = 0x006;
    public static final int DATA = 0x007;
    public static final int CREATE_PERMISSION = 0x008;
    public static final int CHANNEL_BIND = 0x009;
    public static final int CONNECT = 0x00A;
    public static final int CONNECTION_BIND = 0x00B;
    public static final int CONNECTION_ATTEMPT = 0x00C;
    public static final int GOOG_PING = 0x080;

    /** MS-TURN message types whose meaning differs from the RFC decoding. */
    public static final int MS_SEND_REQUEST = 0x0004;
    public static final int MS_DATA_INDICATION = 0x0115;

    private static final String[] NAMES = new String[0x0D];

    static {
        NAMES[BINDING] = "Binding";
        NAMES[SHARED_SECRET] = "SharedSecret";
        NAMES[ALLOCATE] = "Allocate";
        NAMES[REFRESH] = "Refresh";
        NAMES[SEND] = "Send";
        NAMES[DATA] = "Data";
        NAMES[CREATE_PERMISSION] = "CreatePermission";
        NAMES[CHANNEL_BIND] = "ChannelBind";
        NAMES[CONNECT] = "Connect";
        NAMES[CONNECTION_BIND] = "ConnectionBind";
        NAMES[CONNECTION_ATTEMPT] = "ConnectionAttempt";
    }

    private StunMethods() {
    }

    /** Method number from a message type (mask 0x3EEF). */
    public static int methodOf(int type) {
        return (type & 0x000F) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0F80);
    }

    /** Whether the method is one this decoder knows (IETF table, GOOG-PING). */
    public static boolean isKnown(int method) {
        return (method < NAMES.length && NAMES[method] != null) || method == GOOG_PING;
    }

    /** Method name for a message type in a dialect, e.g. "Allocate", or "Send" for MS-TURN type 0x0004. */
    public static String name(int type, Dialect dialect) {
        if (dialect == Dialect.MS_TURN) {
            switch (type) {
                case MS_SEND_REQUEST:
                    return "Send";
                case MS_DATA_INDICATION:
                    return "Data";
                case 0x0006, 0x0106, 0x0116:
                    return "SetActiveDestination";
                default:
                    break;
            }
        }
        int method = methodOf(type);
        if (method < NAMES.length && NAMES[method] != null) {
            return NAMES[method];
        }
        if (method == GOOG_PING) {
            return "GOOG-PING";
        }
        return String.format("Method 0x%03x", method);
    }

    /** Message class, with MS-TURN's Data Indication (0x0115, RFC-decoded as an error) put right. */
    public static StunClass messageClass(int type, Dialect dialect) {
        if (dialect == Dialect.MS_TURN && type == MS_DATA_INDICATION) {
            return StunClass.INDICATION;
        }
        return StunClass.ofType(type);
    }

    /** Why this method/class pair cannot occur in RFC traffic, or {@code null} if it can. */
    static String illegalClass(int method, StunClass cls) {
        switch (method) {
            case SEND, DATA, CONNECTION_ATTEMPT:
                return cls == StunClass.INDICATION ? null : NAMES[method] + " is only defined as an indication";
            case ALLOCATE, REFRESH, CREATE_PERMISSION, CHANNEL_BIND, CONNECT, CONNECTION_BIND, SHARED_SECRET:
                return cls == StunClass.INDICATION ? NAMES[method] + " is never an indication" : null;
            default:
                return null;
        }
    }
}
