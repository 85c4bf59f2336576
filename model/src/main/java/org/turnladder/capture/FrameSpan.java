package org.turnladder.capture;

/**
 * A run of bytes inside one captured frame. A decoded message lists the spans its bytes came from, in order;
 * concatenated they are the message's bytes.
 */
public record FrameSpan(long frame, int frameOffset, int length) {
}
