package org.turnladder.analysis.roles;

/**
 * SIP messages with real-looking headers (PROTOCOLS.md §8.7, §9.2; DOMAIN.md §4.1) for role tests: a Skype for
 * Business client's app-sharing INVITE reaching CMS through Expressway-E and Expressway-C, and the answer.
 */
final class SipScenarios {
    static final String SKYPE_UA = "UCCAPI/16.0.4417.1000 OC/16.0.4417.1000 (Skype for Business)";
    static final String EXPRESSWAY_UA = "TANDBERG/4352 (X8.10.2)";

    static final String SKYPE_OFFER = """
            v=0
            o=- 0 1 IN IP4 203.0.113.10
            s=session
            c=IN IP4 203.0.113.10
            b=CT:99980
            t=0 0
            m=applicationsharing 52044 TCP/RTP/AVP 127
            a=ice-ufrag:Yq5v
            a=ice-pwd:0aLmX8fQpR2sT4uV6wX8yZ1b
            a=candidate:1 1 TCP-PASS 2121269503 10.20.30.40 14012 typ host
            a=candidate:2 1 TCP-ACT 1684013311 198.51.100.77 14012 typ srflx raddr 10.20.30.40 rport 14012
            a=candidate:3 1 TCP-PASS 20906239 203.0.113.10 52044 typ relay raddr 198.51.100.77 rport 50110
            a=x-applicationsharing-session-id:1
            a=x-applicationsharing-role:sharer
            a=x-applicationsharing-media-type:rdp
            a=rtpmap:127 x-data/90000
            """;

    /** CMS's answer: its own host candidate, and a relay on Expressway-E's public address 192.0.2.11. */
    static final String CMS_ANSWER = """
            v=0
            o=- 7 1 IN IP4 192.0.2.11
            s=-
            c=IN IP4 192.0.2.11
            t=0 0
            m=applicationsharing 24012 TCP/RTP/AVP 127
            a=ice-ufrag:c7Hn
            a=ice-pwd:Q2w3E4r5T6y7U8i9O0p1A2s3
            a=candidate:1 1 TCP-PASS 2122317823 10.1.1.20 33000 typ host
            a=candidate:2 1 TCP-PASS 41943039 192.0.2.11 24012 typ relay raddr 10.1.1.20 rport 33000
            a=x-applicationsharing-session-id:1
            a=x-applicationsharing-role:viewer
            a=x-applicationsharing-media-type:rdp
            a=rtpmap:127 x-data/90000
            """;

    private SipScenarios() {
    }

    /**
     * Seen on Expressway-C 10.0.0.11: its traversal OPTIONS to Expressway-E 192.0.2.11:7001 from port 25001; the
     * Skype INVITE arriving over the traversal zone (Vias of Expressway-E, the Skype Edge and the client) and
     * forwarded to CMS 10.1.1.20; CMS's 200 OK and its forwarded copy (Expressway-C is on the Record-Route).
     */
    static void throughExpresswayC(Wire w) {
        w.sip("10.0.0.11:25001", "192.0.2.11:7001", """
                OPTIONS sip:192.0.2.11:7001;transport=tls SIP/2.0
                Via: SIP/2.0/TLS 10.0.0.11:25001;branch=z9hG4bKopt1;rport
                Call-ID: 5e6f7081-92a3@10.0.0.11
                CSeq: 20934 OPTIONS
                From: <sip:10.0.0.11>;tag=4d5e6f70
                To: <sip:192.0.2.11:7001;transport=tls>
                Max-Forwards: 70
                User-Agent: TANDBERG/4352 (X8.10.2)
                Supported: com.tandberg.vcs.resourceusage""");
        w.sip("192.0.2.11:7001", "10.0.0.11:25001", """
                SIP/2.0 200 OK
                Via: SIP/2.0/TLS 10.0.0.11:25001;branch=z9hG4bKopt1;received=10.0.0.11;rport=25001
                Call-ID: 5e6f7081-92a3@10.0.0.11
                CSeq: 20934 OPTIONS
                From: <sip:10.0.0.11>;tag=4d5e6f70
                To: <sip:192.0.2.11:7001;transport=tls>;tag=99aa
                Server: TANDBERG/4352 (X8.10.2)""");
        String inviteHeaders = """
                From: "Alice Example" <sip:alice@skype.example.org>;tag=8f2c1d2e3f;epid=a1b2c3d4e5
                To: <sip:cms.space@cms.example.com>
                Call-ID: 3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e
                CSeq: 1 INVITE
                Contact: <sip:alice@skype.example.org;opaque=user:epid:AbCdEfGhIjKlMnOp;gruu>
                User-Agent: UCCAPI/16.0.4417.1000 OC/16.0.4417.1000 (Skype for Business)
                Ms-Conversation-ID: AdPQ1234abcd
                Content-Type: application/sdp
                """;
        String lowerVias = """
                Via: SIP/2.0/TLS 192.0.2.11:7001;egress-zone=TraversalZone;branch=z9hG4bKe1;proxy-call-id=0b3c5d7e;rport
                Via: SIP/2.0/TLS 203.0.113.5:5061;branch=z9hG4bKedge1;ms-internal-info="bb1"
                Via: SIP/2.0/TLS 10.20.30.40:50123;branch=z9hG4bK1A2B3C4D;ms-received-port=50123;ms-received-cid=1A2B00
                """;
        String routes = """
                Record-Route: <sip:proxy-call-id=77aa-88bb@10.0.0.11:5061;transport=tls;lr>
                Record-Route: <sip:proxy-call-id=0b3c5d7e@192.0.2.11:7001;transport=tls;lr>
                """;
        w.sip("192.0.2.11:7001", "10.0.0.11:25001", "INVITE sip:cms.space@cms.example.com SIP/2.0\n" + lowerVias
                + "Record-Route: <sip:proxy-call-id=0b3c5d7e@192.0.2.11:7001;transport=tls;lr>\n"
                + inviteHeaders + "\n" + SKYPE_OFFER);
        String cVia = "Via: SIP/2.0/TLS 10.0.0.11:5061;egress-zone=CMSZone;ingress-zone=TraversalZone;"
                + "branch=z9hG4bKc1;proxy-call-id=77aa-88bb;rport\n";
        w.sip("10.0.0.11:5061", "10.1.1.20:5061", "INVITE sip:cms.space@cms.example.com SIP/2.0\n" + cVia + lowerVias
                + routes + inviteHeaders + "\n" + SKYPE_OFFER);
        String answerHeaders = """
                From: "Alice Example" <sip:alice@skype.example.org>;tag=8f2c1d2e3f;epid=a1b2c3d4e5
                To: <sip:cms.space@cms.example.com>;tag=c0ffee01
                Call-ID: 3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e
                CSeq: 1 INVITE
                Contact: <sip:10.1.1.20;transport=tls>
                Allow: INVITE,ACK,CANCEL,OPTIONS,INFO,BYE,UPDATE,REFER,SUBSCRIBE,NOTIFY,MESSAGE
                Server: Acano CallBridge
                Content-Type: application/sdp
                """;
        w.sip("10.1.1.20:5061", "10.0.0.11:5061", "SIP/2.0 200 OK\n" + cVia + lowerVias + routes + answerHeaders + "\n"
                + CMS_ANSWER);
        w.sip("10.0.0.11:25001", "192.0.2.11:7001", "SIP/2.0 200 OK\n" + lowerVias + routes + answerHeaders + "\n"
                + CMS_ANSWER);
    }

    /** A one-Via request from {@code src} with this User-Agent, and a response with this Server from {@code dst}. */
    static void optionsExchange(Wire w, String src, String userAgent, String dst, String server) {
        String srcHost = src.substring(0, src.lastIndexOf(':'));
        w.sip(src, dst, "OPTIONS sip:" + dst + ";transport=tls SIP/2.0\n"
                + "Via: SIP/2.0/TLS " + src + ";branch=z9hG4bK" + Math.abs(src.hashCode()) + "\n"
                + "Call-ID: opt-" + Math.abs((src + dst).hashCode()) + "@" + srcHost + "\n"
                + "CSeq: 1 OPTIONS\nFrom: <sip:" + srcHost + ">;tag=1\nTo: <sip:" + dst + ">\nMax-Forwards: 70\n"
                + (userAgent == null ? "" : "User-Agent: " + userAgent + "\n"));
        w.sip(dst, src, "SIP/2.0 200 OK\n"
                + "Via: SIP/2.0/TLS " + src + ";branch=z9hG4bK" + Math.abs(src.hashCode()) + "\n"
                + "Call-ID: opt-" + Math.abs((src + dst).hashCode()) + "@" + srcHost + "\n"
                + "CSeq: 1 OPTIONS\nFrom: <sip:" + srcHost + ">;tag=1\nTo: <sip:" + dst + ">;tag=2\n"
                + (server == null ? "" : "Server: " + server + "\n"));
    }
}
