package org.turnladder.ladder;

/** How an arrow is drawn: its protocol and its outcome. */
public record ArrowStyle(LadderProtocol protocol, Outcome outcome) {

    /** A style class such as {@code turn-error} or {@code sip-ok}. */
    public String styleClass() {
        return protocol.css() + "-" + outcome.css();
    }
}
