package org.turnladder.views.sessions;

/**
 * One line of the sessions tree.
 *
 * @param kind   what the line stands for
 * @param text   what it says
 * @param detail longer text for the tooltip, may be empty
 * @param frame  frame to show in the ladder when clicked, 0 for none
 * @param state  {@code ok}, {@code error}, {@code pending} or empty: the colour of the line
 * @param source the analysis object behind the line ({@link org.turnladder.analysis.calls.Call},
 *               {@link org.turnladder.analysis.turn.TurnAllocation}, …), null for section headings
 */
public record SessionItem(Kind kind, String text, String detail, long frame, String state, Object source) {

    /** Kinds of lines. */
    public enum Kind { SECTION, CALL, INVITE, ALLOCATION, CONNECTION, ICE_PAIR, ICE_DIRECTION }

    @Override
    public String toString() {
        return text;
    }
}
