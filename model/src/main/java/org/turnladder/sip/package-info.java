/**
 * SIP over TCP/UDP: {@link org.turnladder.sip.SipFraming} cuts messages out of a stream or recognises a datagram,
 * {@link org.turnladder.sip.SipDecoder} turns the bytes into an immutable {@link org.turnladder.sip.SipMessage}
 * (headers, multipart bodies, SDP, Microsoft diagnostics) with byte offsets for every field. SIP over TLS is not
 * decoded here; the framing layer labels it.
 */
package org.turnladder.sip;
