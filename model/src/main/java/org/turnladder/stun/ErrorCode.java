package org.turnladder.stun;

/**
 * A decoded ERROR-CODE attribute.
 *
 * @param code   class × 100 + number (401)
 * @param reason the reason phrase sent, or the standard one when the phrase was empty
 */
public record ErrorCode(int code, String reason) {
    @Override
    public String toString() {
        return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
    }
}
