package org.turnladder.analysis.ice;

/** The ICE role an agent claims in its checks (ICE-CONTROLLING 0x802A / ICE-CONTROLLED 0x8029). */
public enum IceRole {
    CONTROLLING, CONTROLLED;

    /** {@code controlling} / {@code controlled}: the JSON form. */
    public String json() {
        return this == CONTROLLING ? "controlling" : "controlled";
    }
}
