package org.turnladder.analysis.roles;

import org.turnladder.analysis.Role;

/**
 * What one clue says a box is. Besides the final roles there are two undecided ones, settled later by who the box
 * talks to: a Microsoft server ({@code RTC/x.0}: Front End or Edge) and an Expressway (E or C).
 */
enum Guess {
    SKYPE_CLIENT(Role.SKYPE_CLIENT),
    SKYPE_EDGE(Role.SKYPE_EDGE),
    SKYPE_FRONT_END(Role.SKYPE_FRONT_END),
    /** Skype/Lync server, Front End or Edge not yet known */
    SKYPE_SERVER(null),
    EXPRESSWAY_E(Role.EXPRESSWAY_E),
    EXPRESSWAY_C(Role.EXPRESSWAY_C),
    /** Expressway, E or C not yet known */
    EXPRESSWAY(null),
    CMS(Role.CMS),
    /** a known product that is none of the boxes of this path (CUCM, a video endpoint) */
    OTHER(Role.UNKNOWN),
    /** a fact that says nothing about the role (a SOFTWARE string, an address link) */
    NOTE(null);

    private final Role role;

    Guess(Role role) {
        this.role = role;
    }

    /** The final role this guess stands for, null for the undecided ones and for notes. */
    Role role() {
        return role;
    }

    /** Which side of the call: the Skype side, the Cisco side (Expressway), CMS, or neither. */
    Side side() {
        return switch (this) {
            case SKYPE_CLIENT, SKYPE_EDGE, SKYPE_FRONT_END, SKYPE_SERVER -> Side.SKYPE;
            case EXPRESSWAY_E, EXPRESSWAY_C, EXPRESSWAY -> Side.EXPRESSWAY;
            case CMS -> Side.CMS;
            case OTHER, NOTE -> Side.NONE;
        };
    }

    /** Coarse family, enough to say who a box talks to. */
    enum Side { SKYPE, EXPRESSWAY, CMS, NONE }
}
