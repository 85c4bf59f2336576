package org.turnladder.analysis.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.turnladder.analysis.ice.Checks.msg;
import static org.turnladder.analysis.ice.Checks.request;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.ice.Checks.Path;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.sip.SipMessage;

/** How checks become pairs, directions, counts and round-trip times, and how pairs meet the SDP candidates. */
class IceMatrixTest {
    private static final String CMS = "192.0.2.50:24012";
    private static final String EDGE = "203.0.113.10:52044";
    private final IceTracker tracker = new IceTracker();

    @Test
    void aRetransmissionIsCountedOnceAndTheRoundTripRunsFromTheLastCopy() {
        tracker.message(msg(1, 0.000, CMS, EDGE, Path.UDP, request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.100, CMS, EDGE, Path.UDP, request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(3, 0.104, EDGE, CMS, Path.UDP, Checks.success(1, Endpoint.parse(CMS))));
        tracker.message(msg(4, 0.105, EDGE, CMS, Path.UDP, Checks.success(1, Endpoint.parse(CMS))));
        tracker.message(msg(5, 0.200, CMS, EDGE, Path.UDP, request(2, "Yq5v", "c7Hn", true)));
        tracker.message(msg(6, 0.210, EDGE, CMS, Path.UDP, Checks.success(2, Endpoint.parse(CMS))));

        IceDirection d = tracker.pairs().get(0).ab();
        assertThat(d.requests()).isEqualTo(2);
        assertThat(d.retransmissions()).isEqualTo(1);
        assertThat(d.successes()).isEqualTo(3); // the duplicate response is a response on the wire
        assertThat(d.succeeded()).isEqualTo(2);
        assertThat(d.firstRequestFrame()).isEqualTo(1);
        assertThat(d.lastRequestFrame()).isEqualTo(5);
        assertThat(d.roundTrip().count()).isEqualTo(2);
        assertThat(d.roundTrip().minMs()).isCloseTo(4.0, within(1e-6));
        assertThat(d.roundTrip().maxMs()).isCloseTo(10.0, within(1e-6));
        assertThat(d.roundTrip().avgMs()).isCloseTo(7.0, within(1e-6));
        assertThat(d.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(d.works()).isTrue();
        assertThat(tracker.pairs().get(0).works()).isFalse(); // nothing the other way yet
    }

    @Test
    void useCandidateNominatesOnlyWhenItsCheckSucceeds() {
        tracker.message(msg(1, 0.0, CMS, EDGE, Path.UDP,
                request(1, "Yq5v", "c7Hn", true).attr(0x0025, new byte[0])));
        assertThat(tracker.pairs().get(0).ab().useCandidate()).isTrue();
        assertThat(tracker.pairs().get(0).nominated()).isFalse();

        tracker.message(msg(2, 0.1, EDGE, CMS, Path.UDP, Checks.success(1, Endpoint.parse(CMS))));
        assertThat(tracker.pairs().get(0).ab().nominated()).isTrue();
        assertThat(tracker.pairs().get(0).nominated()).isTrue();
    }

    @Test
    void bindingIndicationsAreKeepalivesCountedApartFromChecks() {
        tracker.message(msg(1, 0.0, CMS, EDGE, Path.UDP, request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.1, CMS, EDGE, Path.UDP, Checks.indication(50)));
        tracker.message(msg(3, 0.2, EDGE, CMS, Path.UDP, Checks.indication(51)));
        tracker.message(msg(4, 0.3, EDGE, CMS, Path.UDP, Checks.indication(52)));

        IcePair p = tracker.pairs().get(0);
        assertThat(p.ab().indications()).isEqualTo(1);
        assertThat(p.ba().indications()).isEqualTo(2);
        assertThat(p.ab().requests()).isEqualTo(1);
        assertThat(p.ba().requests()).isZero();
    }

    @Test
    void bothAgentsChecksOnOnePathAreOnePairAndResponsesGoTheReverseWay() {
        tracker.message(msg(1, 0.0, CMS, EDGE, Path.iceTcp(7), request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.0, EDGE, CMS, Path.iceTcp(7), request(2, "c7Hn", "Yq5v", false)));
        tracker.message(msg(3, 0.1, EDGE, CMS, Path.iceTcp(7), Checks.success(1, Endpoint.parse(CMS))));
        tracker.message(msg(4, 0.1, CMS, EDGE, Path.iceTcp(7), Checks.success(2, Endpoint.parse(EDGE))));

        assertThat(tracker.pairs()).hasSize(1);
        IcePair p = tracker.pairs().get(0);
        assertThat(p.transport()).isEqualTo(Transport.TCP);
        assertThat(p.carrier()).isNull();
        assertThat(p.a().endpoint()).isEqualTo(Endpoint.parse(CMS));
        assertThat(p.a().ufrag()).isEqualTo("c7Hn");
        assertThat(p.b().ufrag()).isEqualTo("Yq5v");
        assertThat(p.a().seenAs()).containsExactly(Endpoint.parse(CMS));
        assertThat(p.ab().succeeded()).isEqualTo(1);
        assertThat(p.ba().succeeded()).isEqualTo(1);
        assertThat(p.works()).isTrue();
    }

    @Test
    void insideOneCarrierTheUfragsTellTheAgentPairsApart() {
        String client = "10.1.1.20:40001";
        String turn = "192.0.2.50:3478";
        tracker.message(msg(1, 0.0, client, turn, Path.rfc6062(5), request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.0, client, turn, Path.rfc6062(5), request(2, "Zz9w", "c7Hn", true)));
        tracker.message(msg(3, 0.1, turn, client, Path.rfc6062(5), Checks.success(2, Endpoint.parse(CMS))));

        assertThat(tracker.pairs()).hasSize(2);
        IcePair first = tracker.pairs().get(0);
        IcePair second = tracker.pairs().get(1);
        assertThat(first.carrier()).isEqualTo(new IceCarrier(IceCarrier.Kind.RFC6062_DATA, 5,
                Endpoint.parse(client), Endpoint.parse(turn)));
        assertThat(first.b().ufrag()).isEqualTo("Yq5v");
        assertThat(second.b().ufrag()).isEqualTo("Zz9w");
        assertThat(first.ab().answered()).isZero();
        assertThat(second.ab().succeeded()).isEqualTo(1);
        assertThat(second.describe()).isEqualTo("TCP inside the RFC 6062 data connection 10.1.1.20:40001 ⇄ "
                + "192.0.2.50:3478 (TCP stream 5) with ufrags c7Hn ⇄ Zz9w");
    }

    @Test
    void aResponseMatchesItsRequestOnlyOnTheSamePath() {
        // the same check relayed: seen on the client data connection and on the relay ⇄ peer leg
        tracker.message(msg(1, 0.0, "10.1.1.20:40001", "192.0.2.50:3478", Path.rfc6062(5),
                request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.0, CMS, EDGE, Path.iceTcp(6), request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(3, 0.1, EDGE, CMS, Path.iceTcp(6), Checks.success(1, Endpoint.parse(CMS))));

        assertThat(tracker.pairs()).hasSize(2);
        assertThat(tracker.pairs().get(0).ab().answered()).isZero();
        assertThat(tracker.pairs().get(1).ab().succeeded()).isEqualTo(1);
    }

    @Test
    void anIcmpErrorQuotingACheckIsNoRetransmissionButEvidence() {
        tracker.message(msg(1, 0.0, CMS, EDGE, Path.UDP, request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.001, CMS, EDGE, Path.UDP, request(1, "Yq5v", "c7Hn", true),
                "quoted in an ICMP error from 203.0.113.10: Destination unreachable (Port unreachable)"));

        IceDirection d = tracker.pairs().get(0).ab();
        assertThat(d.requests()).isEqualTo(1);
        assertThat(d.retransmissions()).isZero();
        assertThat(d.icmpWarning()).contains("Port unreachable");
        assertThat(d.icmpFrame()).isEqualTo(2);
        var finding = tracker.findings(Checks.at(1), true).get(0);
        assertThat(finding.detail()).contains("An ICMP error came back for one of them (frame 2)");
        assertThat(finding.frames()).containsExactly(1L, 2L);
    }

    /** The SIP of sipp-appsharing-accepted-tcp.pcap: Skype's offer and CMS's answer (PROTOCOLS.md §8.7). */
    private String feedAcceptedCall() {
        String callId = null;
        for (DecodedMessage m : TestCaptures.decode(TestCaptures.path("sipp-appsharing-accepted-tcp.pcap"))) {
            if (m.payload() instanceof SipMessage sip) {
                tracker.message(m);
                callId = sip.callId();
            }
        }
        return callId;
    }

    @Test
    void pairEndsAreLinkedToTheSdpCandidatesAtTheirAddresses() {
        String callId = feedAcceptedCall();
        // the relay ⇄ relay leg: Expressway-E relay (CMS's candidate) ⇄ Edge relay (Skype's candidate)
        tracker.message(msg(20, 1.0, CMS, EDGE, Path.iceTcp(9), request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(21, 1.1, EDGE, CMS, Path.iceTcp(9), Checks.success(1, Endpoint.parse(CMS))));

        IcePair p = tracker.pairs().get(0);
        assertThat(p.a().candidateType()).isEqualTo("relay");
        assertThat(p.a().candidates()).extracting(CandidateLink::describe).containsExactly(
                "answer candidate 2 (TCP-PASS relay 192.0.2.50:24012) of call " + callId,
                "answer candidate 3 (TCP-ACT relay 192.0.2.50:24012) of call " + callId);
        assertThat(p.a().agent().sdpRole()).isEqualTo("answer");
        assertThat(p.a().agent().mediaType()).isEqualTo("applicationsharing");
        assertThat(p.b().candidates()).extracting(CandidateLink::describe).containsExactly(
                "offer candidate 4 (TCP-PASS relay 203.0.113.10:52044) of call " + callId,
                "offer candidate 5 (TCP-ACT relay 203.0.113.10:52044) of call " + callId);
        assertThat(p.b().candidates()).allMatch(c -> c.ufrag().equals("Yq5v") && c.matchedBy().equals("address"));
    }

    @Test
    void insideRelayedTcpTheMappedAddressFindsTheRelayCandidate() {
        String callId = feedAcceptedCall();
        String client = "10.1.1.20:40001";
        String turn = "192.0.2.50:3478";
        tracker.message(msg(20, 1.0, client, turn, Path.rfc6062(5), request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(21, 1.1, turn, client, Path.rfc6062(5), Checks.success(1, Endpoint.parse(CMS))));

        IceSide cms = tracker.pairs().get(0).a();
        assertThat(cms.seenAs()).containsExactly(Endpoint.parse(CMS));
        assertThat(cms.candidates()).hasSize(2).allMatch(c -> c.matchedBy().equals("mapped"));
        assertThat(cms.candidates().get(0).describe())
                .isEqualTo("answer candidate 2 (TCP-PASS relay 192.0.2.50:24012) of call " + callId);
    }

    @Test
    void aCandidateOfAnotherUfragIsNotLinked() {
        feedAcceptedCall();
        tracker.message(msg(20, 1.0, CMS, EDGE, Path.iceTcp(9), request(1, "Other", "Agent", true)));

        IcePair p = tracker.pairs().get(0);
        assertThat(p.a().candidates()).isEmpty();
        assertThat(p.b().candidates()).isEmpty();
        assertThat(p.a().agent()).isNull();
    }

    @Test
    void countersStayRightWhenOldTransactionsAreForgotten() {
        for (int i = 0; i < 100; i++) {
            tracker.message(msg(1 + i, i * 5.0, CMS, EDGE, Path.UDP, request(1000 + i, "Yq5v", "c7Hn", true)));
        }
        tracker.message(msg(200, 500.0, EDGE, CMS, Path.UDP, Checks.success(1099, Endpoint.parse(CMS))));

        IceDirection d = tracker.pairs().get(0).ab();
        assertThat(d.requests()).isEqualTo(100);
        assertThat(d.retransmissions()).isZero();
        assertThat(d.succeeded()).isEqualTo(1);
        assertThat(d.unansweredRequests()).isEqualTo(99);
        assertThat(d.requestFrames()).containsExactly(1L, 2L, 3L, 4L, 5L, 100L);
    }

    @Test
    void oddChecksAreTakenAsTheyComeWithoutFailing() {
        // USERNAME without a colon (no ufrag pair), an error without ERROR-CODE, a response nobody asked for
        tracker.message(msg(1, 0.0, CMS, EDGE, Path.UDP, org.turnladder.framing.TestStun.of(0x0001, 1)
                .username("nocolon").u32(0x0024, 1)));
        tracker.message(msg(2, 0.1, EDGE, CMS, Path.UDP, org.turnladder.framing.TestStun.of(0x0111, 1)));
        tracker.message(msg(3, 0.2, EDGE, CMS, Path.UDP, Checks.success(77, Endpoint.parse(CMS))));
        tracker.message(msg(4, 0.3, "10.9.9.9:1", "10.9.9.8:2", Path.UDP, Checks.success(78, Endpoint.parse(CMS))));

        assertThat(tracker.pairs()).hasSize(1);
        IcePair p = tracker.pairs().get(0);
        assertThat(p.a().ufrag()).isNull();
        assertThat(p.ab().errors()).containsEntry(0, 1L);
        assertThat(p.ab().unmatchedResponses()).isEqualTo(1);
        assertThat(p.ab().unanswered()).isFalse();
        assertThat(tracker.findings(Checks.at(100), true)).extracting(f -> f.id())
                .containsExactly(IceTracker.NO_WORKING_PAIR);
    }

    @Test
    void eachPairWritesOneJsonObject() {
        tracker.message(msg(1, 0.0, CMS, EDGE, Path.UDP, request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.1, EDGE, CMS, Path.UDP, Checks.error(1, 487, "Role Conflict")));
        StringBuilder sb = new StringBuilder();
        tracker.pairs().get(0).writeJson(new JsonWriter(sb));

        JsonObject o = JsonParser.parseString(sb.toString()).getAsJsonObject();
        assertThat(o.get("transport").getAsString()).isEqualTo("UDP");
        assertThat(o.get("works").getAsBoolean()).isFalse();
        assertThat(o.getAsJsonObject("a").get("ufrag").getAsString()).isEqualTo("c7Hn");
        JsonObject ab = o.getAsJsonArray("directions").get(0).getAsJsonObject();
        assertThat(ab.get("requests").getAsLong()).isEqualTo(1);
        assertThat(ab.get("role").getAsString()).isEqualTo("controlling");
        assertThat(ab.getAsJsonArray("errors").get(0).getAsJsonObject().get("code").getAsInt()).isEqualTo(487);
        assertThat(List.of(o.keySet().toArray())).contains("index", "description", "b", "nominated");
    }
}
