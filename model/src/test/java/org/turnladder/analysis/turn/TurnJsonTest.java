package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.turnladder.json.JsonWriter;

/** Each allocation writes itself as one JSON object for {@code analyze --format json}. */
class TurnJsonTest {

    @Test
    void allocationJsonCarriesConnectionsWithTheirBindAndPeerLeg() {
        TurnAllocation a = TurnRun.capture("coturn-rfc6062.pcapng").allocation(0);
        StringBuilder sb = new StringBuilder();
        a.writeJson(new JsonWriter(sb));

        JsonObject o = JsonParser.parseString(sb.toString()).getAsJsonObject();
        assertThat(o.get("relayed").getAsString()).isEqualTo("127.0.0.2:49160");
        assertThat(o.get("outcome").getAsString()).isEqualTo("success");
        assertThat(o.get("end").getAsString()).isEqualTo("deallocated");
        assertThat(o.getAsJsonArray("challengeFrames").get(0).getAsLong()).isEqualTo(6);
        JsonObject passive = o.getAsJsonArray("connections").get(1).getAsJsonObject();
        assertThat(passive.get("kind").getAsString()).isEqualTo("passive");
        assertThat(passive.get("connectionId").getAsString()).isEqualTo("1295d100");
        assertThat(passive.get("state").getAsString()).isEqualTo("bound");
        assertThat(passive.getAsJsonObject("data").get("bindResponseFrame").getAsLong()).isEqualTo(66);
        assertThat(passive.getAsJsonObject("peerLeg").get("synFrame").getAsLong()).isEqualTo(54);
    }

    @Test
    void failedConnectJsonHasNullDataAndTheErrorCode() {
        TurnAllocation a = TurnRun.capture("coturn-connect-failed.pcap").allocation(0);
        StringBuilder sb = new StringBuilder();
        a.writeJson(new JsonWriter(sb));

        JsonObject c = JsonParser.parseString(sb.toString()).getAsJsonObject().getAsJsonArray("connections").get(0)
                .getAsJsonObject();
        assertThat(c.get("errorCode").getAsInt()).isEqualTo(447);
        assertThat(c.get("data").isJsonNull()).isTrue();
        assertThat(c.get("connectionId").isJsonNull()).isTrue();
    }
}
