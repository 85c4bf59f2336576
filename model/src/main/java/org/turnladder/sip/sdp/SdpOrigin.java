package org.turnladder.sip.sdp;

/** The {@code o=} line: {@code <username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}. */
public record SdpOrigin(String username, String sessionId, String sessionVersion, String netType, String addrType,
                        String address) {
}
