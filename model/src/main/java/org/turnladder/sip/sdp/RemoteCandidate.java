package org.turnladder.sip.sdp;

/** One entry of {@code a=remote-candidates:<component> <address> <port> …} (RFC 5245 §15.2, post-ICE re-offer). */
public record RemoteCandidate(int component, String address, int port) {
}
