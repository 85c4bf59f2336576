package org.turnladder.stun;

/** Outcome of checking a FINGERPRINT attribute (PROTOCOLS.md §1.7). */
public enum FingerprintCheck {
    ABSENT,
    VALID,
    /** matches only with the CRC table old Microsoft stacks used (one wrong entry) */
    VALID_MS_LEGACY_CRC,
    INVALID
}
