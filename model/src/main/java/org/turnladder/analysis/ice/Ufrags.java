package org.turnladder.analysis.ice;

import java.util.Optional;
import org.turnladder.stun.StunMessage;

/**
 * The two ufrags of a check's USERNAME, {@code <receiver ufrag>:<sender ufrag>} (RFC 5245 §7.1.2.3; MS-ICE2 the
 * same, zero fill already stripped by {@link StunMessage#username()}).
 */
record Ufrags(String receiver, String sender) {

    static Optional<Ufrags> of(StunMessage s) {
        Optional<String> u = s.username();
        if (u.isEmpty()) {
            return Optional.empty();
        }
        String text = u.get();
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Ufrags(text.substring(0, colon), text.substring(colon + 1)));
    }

    /** The same two ufrags in a fixed order, so both agents' checks land on one key. */
    String low() {
        return receiver.compareTo(sender) <= 0 ? receiver : sender;
    }

    String high() {
        return receiver.compareTo(sender) <= 0 ? sender : receiver;
    }
}
