package org.turnladder.stun;

/** The class bits C1C0 of a STUN message type. */
public enum StunClass {
    REQUEST("request", "Request"),
    INDICATION("indication", "Indication"),
    SUCCESS("success", "Success Response"),
    ERROR("error", "Error Response");

    private final String json;
    private final String text;

    StunClass(String json, String text) {
        this.json = json;
        this.text = text;
    }

    public String json() {
        return json;
    }

    /** As in a summary line: "Request", "Success Response". */
    public String text() {
        return text;
    }

    /** Decodes the two class bits of a message type (mask 0x0110). */
    public static StunClass ofType(int type) {
        return values()[((type >> 4) & 1) | ((type >> 7) & 2)];
    }
}
