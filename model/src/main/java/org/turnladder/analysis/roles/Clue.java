package org.turnladder.analysis.roles;

/**
 * One kind of observation about an address, with the frames it was made in. Repeats add frames, not weight: a
 * hundred Allocates weigh what one does. Clues of one {@code group} (say "TURN server") are alternatives: a box
 * scores only the heaviest of them.
 *
 * @param text   the sentence without its frames ("answered TCP Allocate requests (TURN server)")
 * @param weight how much it speaks for {@code guess}: about 5 for a product string, 4 for decisive behaviour,
 *               1–2 for circumstantial behaviour, below 1 for ports
 */
record Clue(Guess guess, double weight, String group, String text, FrameList frames) {

    /** The sentence with its frames: "answered TCP Allocate requests (TURN server) in frames 6, 9". */
    String sentence() {
        String f = frames.text();
        return f.isEmpty() ? text : text + " in " + f;
    }
}
