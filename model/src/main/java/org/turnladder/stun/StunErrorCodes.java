package org.turnladder.stun;

/** Standard reason phrases of STUN/TURN error codes (PROTOCOLS.md §4). */
public final class StunErrorCodes {
    private static final int[] CODES = {274, 275, 300, 400, 401, 403, 405, 420, 430, 431, 432, 433, 434, 435, 436,
            437, 438, 439, 440, 441, 442, 443, 446, 447, 481, 486, 487, 500, 503, 507, 508, 600};
    private static final String[] REASONS = {"Disable Candidate", "Disable Candidate Pair", "Try Alternate",
            "Bad Request", "Unauthorized", "Forbidden", "Mobility Forbidden", "Unknown Attribute",
            "Stale Credentials", "Integrity Check Failure", "Missing Username", "Use TLS", "Missing Realm",
            "Missing Nonce", "Unknown User", "Allocation Mismatch", "Stale Nonce", "Wrong Credentials (legacy)",
            "Address Family not Supported", "Wrong Credentials", "Unsupported Transport Protocol",
            "Peer Address Family Mismatch", "Connection Already Exists", "Connection Timeout or Failure",
            "Connection does not exist", "Allocation Quota Reached", "Role Conflict", "Server Error",
            "Service Unavailable", "Insufficient Bandwidth Capacity", "Insufficient Capacity", "Global Failure"};

    private StunErrorCodes() {
    }

    /** The standard reason phrase, or {@code null} for a code not in the table. */
    public static String reason(int code) {
        int i = java.util.Arrays.binarySearch(CODES, code);
        return i >= 0 ? REASONS[i] : null;
    }
}
