package org.turnladder.app.ui.live;

import org.turnladder.analysis.Analysis;
import org.turnladder.ladder.LadderModel;
import org.turnladder.live.CaptureStats;

/**
 * What a live tab shows at one refresh: the ladder built so far, the analysis and the capture counters. Built off
 * the JavaFX thread, then handed to it whole.
 *
 * @param decodedMessages how many messages were decoded when it was taken
 */
public record LiveSnapshot(LadderModel ladder, Analysis analysis, CaptureStats stats, long decodedMessages) {
}
