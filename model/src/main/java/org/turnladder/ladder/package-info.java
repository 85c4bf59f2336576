/**
 * The ladder (sequence diagram) of a capture, computed apart from drawing: {@link org.turnladder.ladder.LadderFeed}
 * turns decoded messages into entries with engineer-style labels, {@link org.turnladder.ladder.LadderModel} applies
 * columns, filters and collapsing, {@link org.turnladder.ladder.LadderLayout} places it in pixels for any surface.
 * No JavaFX here: views draw what these classes say.
 */
package org.turnladder.ladder;
