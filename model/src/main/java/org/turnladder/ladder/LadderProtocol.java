package org.turnladder.ladder;

import java.util.Locale;

/**
 * What kind of conversation an arrow belongs to, for colour and for the protocol filter. STUN Binding traffic is
 * split: connectivity checks and keep-alives between ICE agents are {@link #ICE}, a plain Binding to a STUN
 * server is {@link #STUN}; every other STUN method (Allocate, Connect, Send, …) is {@link #TURN}.
 */
public enum LadderProtocol {
    SIP, STUN, TURN, ICE, CHANNELDATA;

    /** Lower-case name used in style classes ({@code turn}, {@code channeldata}). */
    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }
}
