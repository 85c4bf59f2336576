package org.turnladder.ladder;

import java.util.Locale;

/**
 * Whether an arrow says something went well, went wrong, or neither. Requests and indications are neutral, and so
 * are the expected challenges (a 401 to a request without credentials, 438 Stale Nonce, SIP 401/407): they are
 * part of a normal exchange and must not look like failures.
 */
public enum Outcome {
    OK, ERROR, NEUTRAL;

    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }
}
