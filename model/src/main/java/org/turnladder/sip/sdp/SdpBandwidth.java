package org.turnladder.sip.sdp;

/** A {@code b=<type>:<value>} line ({@code CT:99980}); value in kbit/s for CT/AS, {@code -1} if not a number. */
public record SdpBandwidth(String type, long value) {
}
