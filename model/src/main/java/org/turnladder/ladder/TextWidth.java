package org.turnladder.ladder;

/** Measures text in the font the ladder is drawn with, so layout needs no drawing toolkit. */
@FunctionalInterface
public interface TextWidth {
    double of(String text);
}
