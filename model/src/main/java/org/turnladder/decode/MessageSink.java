package org.turnladder.decode;

/** Receives decoded messages in the order their completing frames appear in the capture. */
@FunctionalInterface
public interface MessageSink {
    void message(DecodedMessage message);
}
