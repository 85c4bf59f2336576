package org.turnladder.sip.sdp;

/** Role of a TCP candidate (RFC 6544 {@code tcptype}, or Microsoft's TCP-ACT/TCP-PASS/TCP-SO transport tokens). */
public enum TcpType {
    /** opens the connection (TCP-ACT, {@code tcptype active}) */
    ACTIVE,
    /** listens (TCP-PASS, {@code tcptype passive}) */
    PASSIVE,
    /** simultaneous open (TCP-SO, {@code tcptype so}) */
    SO,
    /** UDP, or a TCP candidate that does not say (MS-ICE v1 TCP candidates are both) */
    NONE
}
