package org.turnladder.sip.sdp;

/**
 * An {@code a=rtpmap:<pt> <encoding>/<clock>[/<params>]} attribute ({@code 127 x-data/90000}).
 *
 * @param clockRate {@code -1} if missing or not a number
 * @param params    encoding parameters (channels), {@code null} if absent
 */
public record RtpMap(int payloadType, String encoding, int clockRate, String params) {
}
