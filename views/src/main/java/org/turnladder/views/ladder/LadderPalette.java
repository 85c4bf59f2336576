package org.turnladder.views.ladder;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.turnladder.ladder.ArrowStyle;
import org.turnladder.ladder.LadderProtocol;
import org.turnladder.ladder.Outcome;

/**
 * Colours and fonts of the ladder, shared by the screen and the PNG export so both look the same. One hue per
 * protocol; errors override it with red, a thicker line, a bold label and a tinted row, so they stand out.
 */
public final class LadderPalette {
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color STRIPE = Color.web("#f6f7f9");
    public static final Color ERROR_ROW = Color.web("#fdecec");
    public static final Color SELECTED_ROW = Color.web("#d6e6ff");
    public static final Color SELECTED_EDGE = Color.web("#2f6fdd");
    public static final Color HEADER_BG = Color.web("#eef1f5");
    public static final Color HEADER_RULE = Color.web("#c5ccd6");
    public static final Color BOX_FILL = Color.WHITE;
    public static final Color BOX_EDGE = Color.web("#8a94a3");
    public static final Color LIFELINE = Color.web("#c3c9d2");
    public static final Color CELL_TEXT = Color.web("#4a5260");
    public static final Color MUTED = Color.web("#6b7482");
    public static final Color TITLE = Color.web("#1d2430");
    public static final Color ERROR = Color.web("#d01f1f");
    public static final Color FINDING = Color.web("#e8860c");

    public final Font label = Font.font("System", 12);
    public final Font labelBold = Font.font("System", FontWeight.BOLD, 12);
    public final Font title = Font.font("System", FontWeight.BOLD, 12.5);
    public final Font small = Font.font("System", 10.5);
    public final Font mono = Font.font("Monospaced", 11);

    /** The hue of a protocol. */
    public static Color protocolColor(LadderProtocol p) {
        return switch (p) {
            case SIP -> Color.web("#1f5fbf");
            case TURN -> Color.web("#7b3fb5");
            case ICE -> Color.web("#17804a");
            case STUN -> Color.web("#56606e");
            case CHANNELDATA -> Color.web("#a8650a");
        };
    }

    /** Line and label colour of an arrow. */
    public static Color arrowColor(ArrowStyle s) {
        return s.outcome() == Outcome.ERROR ? ERROR : protocolColor(s.protocol());
    }

    /** Name of a protocol in the legend. */
    public static String protocolName(LadderProtocol p) {
        return switch (p) {
            case SIP -> "SIP";
            case TURN -> "TURN";
            case ICE -> "ICE checks";
            case STUN -> "STUN";
            case CHANNELDATA -> "ChannelData";
        };
    }
}
