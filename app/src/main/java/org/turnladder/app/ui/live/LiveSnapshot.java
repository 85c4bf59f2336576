package org.turnladder.app.ui.live;

import java.util.List;
import org.turnladder.analysis.Analysis;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.ladder.LadderModel;
import org.turnladder.live.CaptureStats;

/**
 * What a live tab shows at one refresh: the ladder built so far, the analysis, the decoded messages (for the
 * details of a row) and the capture counters. Built off the JavaFX thread, then handed to it whole.
 *
 * @param messages decoded messages in capture order, an unmodifiable view valid up to {@code messages.size()}
 */
public record LiveSnapshot(LadderModel ladder, Analysis analysis, List<DecodedMessage> messages, CaptureStats stats,
                           long decodedMessages) {
}
