package org.turnladder.analysis;

/** The boxes of a Skype for Business ⇄ CMS presentation share, in ladder order (left to right). */
public enum Role {
    SKYPE_CLIENT("Skype client"),
    SKYPE_EDGE("Skype Edge"),
    SKYPE_FRONT_END("Skype Front End"),
    EXPRESSWAY_E("Expressway-E"),
    EXPRESSWAY_C("Expressway-C"),
    CMS("CMS"),
    UNKNOWN("Unknown");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** What a person calls it. */
    public String label() {
        return label;
    }
}
