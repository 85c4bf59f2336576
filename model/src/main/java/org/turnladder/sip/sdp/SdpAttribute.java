package org.turnladder.sip.sdp;

/**
 * An {@code a=} line.
 *
 * @param name   the attribute name ({@code candidate}, {@code x-applicationsharing-role})
 * @param value  the text after the first colon, trailing white space removed; empty for flags ({@code a=rtcp-rsize})
 * @param offset first byte of the line ({@code a}), relative to the SIP message's first byte
 * @param length bytes of the line without its line end
 */
public record SdpAttribute(String name, String value, int offset, int length) {
}
