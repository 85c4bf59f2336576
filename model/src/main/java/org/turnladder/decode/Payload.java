package org.turnladder.decode;

import java.util.List;

/** What a message decoded to: a STUN/TURN message, a ChannelData frame or a SIP message. */
public interface Payload {

    /** {@code STUN}, {@code CHANNELDATA} or {@code SIP}. */
    String protocol();

    /** One human line, the way an engineer would say it ("Allocate Error Response 401 Unauthorized"). */
    String summary();

    /** The decoded fields with byte offsets relative to the message's first byte. */
    List<Field> fields();

    /** Problems with the message itself (bad FINGERPRINT, attribute running past the end). */
    List<String> warnings();
}
