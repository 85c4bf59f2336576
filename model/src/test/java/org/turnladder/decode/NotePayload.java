package org.turnladder.decode;

import java.util.List;

/**
 * A payload with nothing but a summary, for tests whose messages only need to be told apart (ladders of many
 * addresses, say). It claims to be STUN so that ladders draw it.
 */
public record NotePayload(String summary) implements Payload {
    @Override
    public String protocol() {
        return "STUN";
    }

    @Override
    public List<Field> fields() {
        return List.of();
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }
}
