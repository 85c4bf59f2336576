package org.turnladder.analysis.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.turnladder.json.JsonWriter;

/** A call writes itself as one JSON object with what the {@code analyze --format json} command shows. */
class CallJsonTest {

    static JsonObject parse(Call c) {
        StringBuilder sb = new StringBuilder();
        c.writeJson(new JsonWriter(sb));
        return JsonParser.parseString(sb.toString()).getAsJsonObject();
    }

    @Test
    void theAcceptedShareAsJsonHasOfferAnswerRolesAndCandidates() {
        Call call = TrackedCapture.of("sipp-appsharing-accepted-tcp.pcap").tracker.calls().get(0);
        JsonObject o = parse(call);
        assertThat(o.get("callId").getAsString()).isEqualTo("3f7c9a12e4b84d6e9a0b1");
        assertThat(o.get("appSharing").getAsBoolean()).isTrue();
        assertThat(o.getAsJsonObject("firstRequest").get("method").getAsString()).isEqualTo("INVITE");
        assertThat(o.getAsJsonArray("messages")).hasSize(6);
        JsonObject oa = o.getAsJsonArray("offerAnswers").get(0).getAsJsonObject();
        assertThat(oa.getAsJsonObject("offer").getAsJsonObject("appSharing").get("role").getAsString())
                .isEqualTo("sharer");
        JsonObject answer = oa.getAsJsonObject("answer").getAsJsonObject("appSharing");
        assertThat(answer.get("role").getAsString()).isEqualTo("viewer");
        assertThat(answer.getAsJsonArray("candidates").get(1).getAsJsonObject().get("address").getAsString())
                .isEqualTo("192.0.2.50");
        assertThat(o.getAsJsonArray("invites").get(0).getAsJsonObject().get("finalStatus").getAsInt())
                .isEqualTo(200);
        assertThat(o.getAsJsonArray("byes").get(0).getAsJsonObject().get("side").getAsString()).isEqualTo("caller");
    }

    @Test
    void theRejectedShareAsJsonHasTheDiagnosticWithItsParameters() {
        Call call = TrackedCapture.of("sipp-appsharing-rejected.pcap").tracker.calls().get(0);
        JsonObject d = parse(call).getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        assertThat(d.get("code").getAsInt()).isEqualTo(21002);
        assertThat(d.get("component").getAsString()).isEqualTo("ASMCU");
        assertThat(d.getAsJsonObject("params").get("reason").getAsString())
                .isEqualTo("Attendees cannot share in this conference");
        assertThat(parse(call).getAsJsonArray("offerAnswers").get(0).getAsJsonObject().get("answer").isJsonNull())
                .isTrue();
    }
}
