package org.turnladder.sip;

/**
 * One header of a SIP message (or of a multipart body part).
 *
 * @param name   the name as written, except that compact forms are expanded ({@code v} → {@code Via})
 * @param value  the value, trimmed; folded continuation lines are joined with one space
 * @param offset first byte of the header line, relative to the message's first byte
 * @param length bytes from the name to the end of the value, continuation lines included, line end excluded
 */
public record SipHeader(String name, String value, int offset, int length) {

    /** Whether this header has the given name (case-insensitive, compact forms understood). */
    public boolean is(String otherName) {
        return SipHeaderNames.same(name, otherName);
    }
}
