package org.turnladder.analysis.roles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.turnladder.analysis.Role;

/**
 * Turns the clues per address into boxes with roles: merges linked addresses into boxes, scores each box (per
 * clue group only the heaviest clue counts), settles the undecided guesses (a Skype server is a Front End or an
 * Edge, an Expressway is E or C) by what else the box does and whom it talks to, applies the user's overrides,
 * and writes the evidence. Runs on a snapshot; nothing here changes the observations.
 */
final class BoxResolver {
    /** Below this a box stays UNKNOWN: ports alone or a single circumstantial clue are not enough. */
    static final double MIN_SCORE = 1.0;
    private static final Guess[] GUESSES = Guess.values();
    /** Supporting clues shown per group beside the heaviest ones. */
    private static final int MAX_LIGHTER_SHOWN = 2;

    private final Map<String, HostClues> hosts = new LinkedHashMap<>();
    private final List<Observations.Link> links;

    BoxResolver(List<HostClues> hosts, List<Observations.Link> links) {
        for (HostClues h : hosts) {
            this.hosts.put(h.address, h);
        }
        this.links = links;
    }

    /** One clue as it counts for a box. */
    private record BoxClue(HostClues host, Clue clue, double weight, String sentence) {
    }

    private static final class Box {
        final List<HostClues> members = new ArrayList<>();
        final List<BoxClue> clues = new ArrayList<>();
        final double[] score = new double[GUESSES.length];
        final EnumMap<Role, Double> roleScore = new EnumMap<>(Role.class);
        /** why an undecided guess was settled as it was, by the role it settled on */
        final Map<Role, String> reasons = new EnumMap<>(Role.class);
        Guess.Side side = Guess.Side.NONE;
        Role serverAs = Role.SKYPE_FRONT_END;
        Role expresswayAs = Role.EXPRESSWAY_E;
        Role computed = Role.UNKNOWN;
        Role role = Role.UNKNOWN;
        boolean overridden;
        HostClues main;
        String name;
        long dropped;

        double score(Guess g) {
            return score[g.ordinal()];
        }

        /** The role a clue's guess ends up standing for in this box. */
        Role roleOf(Guess g) {
            return switch (g) {
                case SKYPE_SERVER -> serverAs;
                case EXPRESSWAY -> expresswayAs;
                default -> g.role();
            };
        }
    }

    List<RoleAssignment> resolve(Map<String, Role> overrides) {
        List<Box> boxes = merge();
        Map<String, Box> boxOf = new HashMap<>();
        for (Box b : boxes) {
            for (HostClues h : b.members) {
                boxOf.put(h.address, b);
            }
            score(b);
        }
        for (Box b : boxes) {
            b.side = provisionalSide(b);
        }
        for (Box b : boxes) {
            settle(b, boxOf);
            decide(b);
        }
        applyOverrides(boxes, overrides);
        for (Box b : boxes) {
            b.main = mainAddress(b);
        }
        name(boxes);
        List<RoleAssignment> out = new ArrayList<>(boxes.size());
        for (Box b : boxes) {
            out.add(assignment(b));
        }
        out.sort(Comparator.comparing(RoleAssignment::role)
                .thenComparing((RoleAssignment a) -> hosts.get(a.address()).bytes, BoxResolver::compareAddresses));
        return out;
    }

    /** Union-find over the links; boxes in the order their first address was learnt. */
    private List<Box> merge() {
        Map<String, String> parent = new HashMap<>();
        for (String a : hosts.keySet()) {
            parent.put(a, a);
        }
        for (Observations.Link l : links) {
            if (parent.containsKey(l.a()) && parent.containsKey(l.b())) {
                String ra = root(parent, l.a());
                String rb = root(parent, l.b());
                if (!ra.equals(rb)) {
                    parent.put(rb, ra);
                }
            }
        }
        Map<String, Box> byRoot = new LinkedHashMap<>();
        for (HostClues h : hosts.values()) {
            byRoot.computeIfAbsent(root(parent, h.address), r -> new Box()).members.add(h);
        }
        return new ArrayList<>(byRoot.values());
    }

    private static String root(Map<String, String> parent, String a) {
        String r = a;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        String x = a;
        while (!x.equals(r)) { // path compression
            String next = parent.get(x);
            parent.put(x, r);
            x = next;
        }
        return r;
    }

    /** Per (group, guess) the heaviest clue counts; a proxy's Server strings count little. */
    private static void score(Box b) {
        Map<String, Double> best = new HashMap<>();
        for (HostClues h : b.members) {
            b.dropped += h.droppedClues();
            for (Clue c : h.clueList()) {
                double w = c.weight();
                String sentence = c.sentence();
                if (SipClues.RESPONSE_ORIGIN.equals(c.group()) && h.sipProxy && w > MIN_SCORE) {
                    w = MIN_SCORE;
                    sentence += " (it also forwards SIP for others, so this may name another box)";
                }
                b.clues.add(new BoxClue(h, c, w, sentence));
                if (c.guess() != Guess.NOTE) {
                    best.merge(c.group() + "\u0000" + c.guess().name(), w, Math::max);
                }
            }
        }
        for (Map.Entry<String, Double> e : best.entrySet()) {
            String guess = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
            b.score[Guess.valueOf(guess).ordinal()] += e.getValue();
        }
    }

    private static Guess.Side provisionalSide(Box b) {
        Guess top = null;
        for (Guess g : GUESSES) {
            if (g != Guess.NOTE && b.score(g) >= MIN_SCORE && (top == null || b.score(g) > b.score(top))) {
                top = g;
            }
        }
        return top == null ? Guess.Side.NONE : top.side();
    }

    /** Settles "a Skype server" into Front End or Edge and "an Expressway" into E or C (DOMAIN.md §4). */
    private void settle(Box b, Map<String, Box> boxOf) {
        Map<Guess.Side, String> talksTo = new EnumMap<>(Guess.Side.class);
        for (HostClues h : b.members) {
            for (String p : h.peers()) {
                Box other = boxOf.get(p);
                if (other != null && other != b && other.side != Guess.Side.NONE) {
                    talksTo.putIfAbsent(other.side, p);
                }
            }
        }
        if (b.score(Guess.SKYPE_SERVER) > 0) {
            settleSkypeServer(b, talksTo);
        }
        if (b.score(Guess.EXPRESSWAY) > 0) {
            settleExpressway(b, talksTo);
        }
    }

    /** RTC/x.0 is a Front End or an Edge: by what else it does, else by whom it talks to (the Edge federates). */
    private static void settleSkypeServer(Box b, Map<Guess.Side, String> talksTo) {
        double edge = b.score(Guess.SKYPE_EDGE);
        double fe = b.score(Guess.SKYPE_FRONT_END);
        String cisco = talksTo.getOrDefault(Guess.Side.EXPRESSWAY, talksTo.get(Guess.Side.CMS));
        String skype = talksTo.get(Guess.Side.SKYPE);
        if (edge > fe) {
            b.serverAs = Role.SKYPE_EDGE;
            b.reasons.put(Role.SKYPE_EDGE, "a Skype/Lync server that also does an Edge's work: Skype Edge");
        } else if (fe > edge) {
            b.serverAs = Role.SKYPE_FRONT_END;
            b.reasons.put(Role.SKYPE_FRONT_END,
                    "a Skype/Lync server that also does a Front End's work: Skype Front End");
        } else if (cisco != null) {
            b.serverAs = Role.SKYPE_EDGE;
            b.reasons.put(Role.SKYPE_EDGE,
                    "a Skype/Lync server that talks to the Cisco side (" + cisco + "): the Edge, which federates");
        } else if (skype != null) {
            b.serverAs = Role.SKYPE_FRONT_END;
            b.reasons.put(Role.SKYPE_FRONT_END,
                    "a Skype/Lync server that talks only to the Skype side (" + skype + "): Front End");
        } else {
            b.serverAs = Role.SKYPE_FRONT_END;
            b.reasons.put(Role.SKYPE_FRONT_END,
                    "a Skype/Lync server with nothing to tell Front End from Edge: taken as Front End");
        }
    }

    /**
     * An Expressway is E when it also does E's work (TURN server, traversal server) or faces the Skype side, C when
     * it is a traversal client or talks to CMS.
     */
    private static void settleExpressway(Box b, Map<Guess.Side, String> talksTo) {
        double e = b.score(Guess.EXPRESSWAY_E);
        double c = b.score(Guess.EXPRESSWAY_C);
        String skype = talksTo.get(Guess.Side.SKYPE);
        String cms = talksTo.get(Guess.Side.CMS);
        if (e > c) {
            b.expresswayAs = Role.EXPRESSWAY_E;
            b.reasons.put(Role.EXPRESSWAY_E, "an Expressway that is also a TURN or traversal server: Expressway-E");
        } else if (c > e) {
            b.expresswayAs = Role.EXPRESSWAY_C;
            b.reasons.put(Role.EXPRESSWAY_C, "an Expressway that is a traversal client: Expressway-C");
        } else if (skype != null) {
            b.expresswayAs = Role.EXPRESSWAY_E;
            b.reasons.put(Role.EXPRESSWAY_E,
                    "an Expressway that talks to the Skype side (" + skype + "): Expressway-E");
        } else if (cms != null) {
            b.expresswayAs = Role.EXPRESSWAY_C;
            b.reasons.put(Role.EXPRESSWAY_C, "an Expressway that talks to CMS (" + cms + "): Expressway-C");
        } else {
            b.expresswayAs = Role.EXPRESSWAY_E;
            b.reasons.put(Role.EXPRESSWAY_E, "an Expressway with nothing to tell E from C: taken as Expressway-E");
        }
    }

    private static void decide(Box b) {
        for (Guess g : GUESSES) {
            Role r = b.roleOf(g);
            if (r != null && g != Guess.NOTE && b.score(g) > 0) {
                b.roleScore.merge(r, b.score(g), Double::sum);
            }
        }
        Role best = Role.UNKNOWN;
        double top = 0;
        for (Map.Entry<Role, Double> e : b.roleScore.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                best = e.getKey();
            }
        }
        b.computed = top >= MIN_SCORE ? best : Role.UNKNOWN;
        b.role = b.computed;
    }

    /** By address (any of the box's) first, then by box name as the user last saw it. */
    private void applyOverrides(List<Box> boxes, Map<String, Role> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return;
        }
        Map<String, Role> byAddress = new HashMap<>();
        Map<String, Role> byName = new HashMap<>();
        for (Map.Entry<String, Role> e : overrides.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                continue;
            }
            String ip = IpText.canonical(e.getKey());
            if (ip != null) {
                byAddress.put(ip, e.getValue());
            } else {
                byName.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
            }
        }
        for (Box b : boxes) {
            b.main = mainAddress(b);
            Role r = byAddress.get(b.main.address);
            for (int i = 0; r == null && i < b.members.size(); i++) {
                r = byAddress.get(b.members.get(i).address);
            }
            if (r != null) {
                b.role = r;
                b.overridden = true;
            }
        }
        if (!byName.isEmpty()) {
            name(boxes);
            for (Box b : boxes) {
                Role r = byName.get(b.name.toLowerCase(Locale.ROOT));
                if (r != null && !b.overridden) {
                    b.role = r;
                    b.overridden = true;
                }
            }
        }
    }

    /**
     * Seen on the wire first, then the address whose own clues speak most for the box's role, then the earliest
     * seen, then the lowest.
     */
    private static HostClues mainAddress(Box b) {
        // one pass over the clues: a box can hold thousands of addresses and clues (one pass each, not a product)
        Map<HostClues, Double> scores = new HashMap<>();
        for (BoxClue c : b.clues) {
            if (c.clue().guess() != Guess.NOTE && b.roleOf(c.clue().guess()) == b.role) {
                scores.merge(c.host(), c.weight(), Double::sum);
            }
        }
        HostClues best = null;
        double bestScore = -1;
        for (HostClues h : b.members) {
            double s = scores.getOrDefault(h, 0.0);
            if (best == null || better(h, s, best, bestScore)) {
                best = h;
                bestScore = s;
            }
        }
        return best;
    }

    private static boolean better(HostClues h, double s, HostClues best, double bestScore) {
        if ((h.packets > 0) != (best.packets > 0)) {
            return h.packets > 0;
        }
        if (s != bestScore) {
            return s > bestScore;
        }
        if (h.firstFrame != best.firstFrame && h.firstFrame > 0 && best.firstFrame > 0) {
            return h.firstFrame < best.firstFrame;
        }
        return compareAddresses(h.bytes, best.bytes) < 0;
    }

    /** The role's name when it is the only box with that role, with the address when several share it. */
    private static void name(List<Box> boxes) {
        Map<Role, Integer> count = new EnumMap<>(Role.class);
        for (Box b : boxes) {
            count.merge(b.role, 1, Integer::sum);
        }
        for (Box b : boxes) {
            String ip = (b.main == null ? mainAddress(b) : b.main).address;
            if (b.role == Role.UNKNOWN) {
                b.name = ip;
            } else if (count.get(b.role) > 1) {
                b.name = b.role.label() + " (" + ip + ")";
            } else {
                b.name = b.role.label();
            }
        }
    }

    private RoleAssignment assignment(Box b) {
        List<String> evidence = new ArrayList<>();
        if (b.overridden) {
            evidence.add("set by you");
        }
        boolean several = b.members.size() > 1;
        List<BoxClue> sorted = new ArrayList<>(b.clues);
        sorted.sort(Comparator.comparingDouble((BoxClue c) -> -c.weight())
                .thenComparingLong(c -> c.clue().frames().firstFrame()));
        List<String> support = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Map<String, Double> groupMax = new HashMap<>();
        for (BoxClue c : sorted) {
            groupMax.merge(groupKey(c), c.weight(), Math::max);
        }
        Map<String, Integer> lighterShown = new HashMap<>();
        for (BoxClue c : sorted) {
            Guess g = c.clue().guess();
            String who = several && c.host() != b.main && g != Guess.NOTE ? c.host().address + ": " : "";
            if (g == Guess.NOTE) {
                notes.add(c.sentence());
            } else if (b.roleOf(g) == b.role) {
                // alternatives of one group ("answered Allocate", "was asked for relays") say the same thing:
                // show the decisive ones and a couple of the lighter ones
                if (c.weight() < groupMax.get(groupKey(c))
                        && lighterShown.merge(groupKey(c), 1, Integer::sum) > MAX_LIGHTER_SHOWN) {
                    continue;
                }
                support.add(who + c.sentence());
            } else {
                Role r = b.roleOf(g);
                String what = r == Role.UNKNOWN ? "something else" : r.label();
                others.add("also looks like " + what + ": " + who + c.sentence());
            }
        }
        String reason = b.reasons.get(b.role);
        if (reason != null && !support.isEmpty()) {
            support.add(reason);
        }
        evidence.addAll(support);
        notes.sort(Comparator.naturalOrder());
        evidence.addAll(notes);
        evidence.addAll(others);
        if (!b.overridden && b.computed == Role.UNKNOWN && !b.roleScore.isEmpty() && support.isEmpty()) {
            evidence.add(0, "too little evidence to name a role");
        }
        if (b.dropped > 0) {
            evidence.add(b.dropped + " more observations not kept");
        }
        if (evidence.isEmpty()) {
            HostClues m = b.main;
            evidence.add("no role evidence (seen in " + m.packets + " messages or connections"
                    + (m.firstFrame > 0 ? ", first in frame " + m.firstFrame : "") + ")");
        }
        List<String> addresses = new ArrayList<>(b.members.size());
        addresses.add(b.main.address);
        b.members.stream().filter(h -> h != b.main).sorted((x, y) -> compareAddresses(x.bytes, y.bytes))
                .forEach(h -> addresses.add(h.address));
        return new RoleAssignment(b.main.address, addresses, b.name, b.role, evidence, confidence(b), b.overridden);
    }

    private static String groupKey(BoxClue c) {
        return c.clue().group() + "\u0000" + c.clue().guess().name();
    }

    /**
     * 1 when set by the user; else grows with the role's score (a product string alone gives about 0.8) and
     * shrinks with the strongest other role's score.
     */
    private static double confidence(Box b) {
        if (b.overridden) {
            return 1.0;
        }
        if (b.role == Role.UNKNOWN) {
            return 0.0;
        }
        double best = b.roleScore.getOrDefault(b.role, 0.0);
        double second = 0;
        for (Map.Entry<Role, Double> e : b.roleScore.entrySet()) {
            if (e.getKey() != b.role && e.getKey() != Role.UNKNOWN) {
                second = Math.max(second, e.getValue());
            }
        }
        double c = (1 - Math.exp(-best / 3)) * best / (best + second);
        return Math.round(c * 100) / 100.0;
    }

    /** IPv4 before IPv6, then numerically. */
    static int compareAddresses(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compareUnsigned(a, b);
    }
}
