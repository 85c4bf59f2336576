package org.turnladder.tcp;

/** Receives the in-order bytes of one TCP direction. */
public interface StreamConsumer {

    /**
     * New bytes were appended to {@code direction.buffer()}. Consume what can be decoded; leave an incomplete
     * message for the next call.
     */
    void onData(TcpDirection direction);

    /**
     * Bytes are missing before whatever comes next: {@code lost} bytes were never captured (-1: the capture started
     * mid-connection). What is still buffered is dropped right after this call; the consumer should report it
     * and look for the next recognisable message.
     */
    void onGap(TcpDirection direction, long lost);
}
