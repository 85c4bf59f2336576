package org.turnladder.stun;

/** Outcome of verifying MESSAGE-INTEGRITY with a known password. */
public enum IntegrityCheck {
    ABSENT,
    VALID,
    INVALID
}
