/**
 * SDP (RFC 4566) with the Microsoft application-sharing and ICE dialects (MS-SDPEXT, MS-ICE2, MS-ICE v1) and
 * RFC 6544 ICE-TCP candidates. Every line, attribute and candidate keeps its offset in the SIP message.
 */
package org.turnladder.sip.sdp;
