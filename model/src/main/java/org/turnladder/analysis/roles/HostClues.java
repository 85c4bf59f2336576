package org.turnladder.analysis.roles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What was learnt about one IP address: its clues (capped), the addresses it exchanged packets with (capped), and
 * whether it was seen on the wire or only named inside messages (SDP, TURN attributes).
 */
final class HostClues {
    static final int MAX_CLUES = 48;
    static final int MAX_PEERS = 32;

    final String address;
    final byte[] bytes;
    private final Map<String, Clue> clues = new LinkedHashMap<>();
    private final Set<String> peers = new LinkedHashSet<>();
    private long droppedClues;
    /** messages and TCP connections it sent or received */
    long packets;
    long firstFrame = -1;
    /** seen forwarding SIP for another user agent (Via stack, Record-Route): its Server strings may not be its own */
    boolean sipProxy;

    HostClues(String address, byte[] bytes) {
        this.address = address;
        this.bytes = bytes;
    }

    /**
     * Records an observation keyed by its text: the same sentence again only adds the frame (and keeps the higher
     * weight).
     */
    void add(Guess guess, double weight, String group, String text, long frame) {
        add(guess, weight, group, text, text, frame);
    }

    /**
     * Records an observation under {@code key}; {@code text} is the sentence of the first one (it may name the first
     * of several relayed addresses, while later ones only add their frames).
     */
    void add(Guess guess, double weight, String group, String key, String text, long frame) {
        Clue c = clues.get(key);
        if (c == null) {
            if (clues.size() >= MAX_CLUES) {
                droppedClues++;
                return;
            }
            c = new Clue(guess, weight, group, text, new FrameList());
            clues.put(key, c);
        } else if (weight > c.weight()) {
            c = new Clue(guess, weight, group, c.text(), c.frames());
            clues.put(key, c);
        }
        if (frame > 0) {
            c.frames().add(frame);
        }
    }

    void seen(long frame) {
        packets++;
        if (firstFrame < 0) {
            firstFrame = frame;
        }
    }

    void peer(String other) {
        if (peers.size() < MAX_PEERS && !other.equals(address)) {
            peers.add(other);
        }
    }

    Collection<Clue> clues() {
        return clues.values();
    }

    Set<String> peers() {
        return peers;
    }

    long droppedClues() {
        return droppedClues;
    }

    /** A snapshot, so resolution can run while messages keep arriving. */
    ArrayList<Clue> clueList() {
        return new ArrayList<>(clues.values());
    }
}
