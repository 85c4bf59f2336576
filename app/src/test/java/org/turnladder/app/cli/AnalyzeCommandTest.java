package org.turnladder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.turnladder.decode.TestCaptures;

class AnalyzeCommandTest {

    record Result(int status, String out, String err) {
        JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }
    }

    static Result analyze(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Cli.run("analyze", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String capture(String name) {
        return TestCaptures.path(name).toString();
    }

    @Test
    void jsonHasRolesCallsAllocationsChecksAndFindings() {
        Result r = analyze(capture("coturn-rfc6062.pcapng"), "--format", "json");
        assertThat(r.status()).isZero();
        JsonObject doc = r.json();
        for (String k : new String[] {"roles", "calls", "turnAllocations", "iceChecks", "findings"}) {
            assertThat(doc.get(k).isJsonArray()).as(k).isTrue();
        }
        JsonArray roles = doc.getAsJsonArray("roles");
        assertThat(roles).anySatisfy(e -> {
            assertThat(e.getAsJsonObject().get("address").getAsString()).isEqualTo("127.0.0.2");
            assertThat(e.getAsJsonObject().get("role").getAsString()).isEqualTo("EXPRESSWAY_E");
            assertThat(e.getAsJsonObject().getAsJsonArray("evidence")).isNotEmpty();
        });
        JsonObject allocation = doc.getAsJsonArray("turnAllocations").get(0).getAsJsonObject();
        assertThat(allocation.getAsJsonArray("connections")).hasSize(2);
        assertThat(doc.getAsJsonArray("iceChecks")).isNotEmpty();
    }

    @Test
    void findingsCarryIdSeverityTitleDetailFixAndFrames() {
        JsonArray findings = analyze(capture("sipp-appsharing-rejected.pcap"), "--format", "json").json()
                .getAsJsonArray("findings");
        assertThat(findings).anySatisfy(e -> {
            JsonObject f = e.getAsJsonObject();
            assertThat(f.get("id").getAsString()).isEqualTo("sip.attendees-cannot-share");
            assertThat(f.get("severity").getAsString()).isEqualTo("error");
            assertThat(f.get("title").getAsString()).isNotBlank();
            assertThat(f.get("detail").getAsString()).contains("21002");
            assertThat(f.get("fix").getAsString()).containsIgnoringCase("presenter");
            assertThat(f.getAsJsonArray("frames")).extracting(JsonElement::getAsLong).contains(3L);
        });
    }

    @Test
    void aRoleGivenOnTheCommandLineWins() {
        JsonArray roles = analyze(capture("coturn-rfc6062.pcapng"), "--format", "json", "--role",
                "127.0.0.4=skype-client").json().getAsJsonArray("roles");
        assertThat(roles).anySatisfy(e -> {
            assertThat(e.getAsJsonObject().get("address").getAsString()).isEqualTo("127.0.0.4");
            assertThat(e.getAsJsonObject().get("role").getAsString()).isEqualTo("SKYPE_CLIENT");
        });
    }

    @Test
    void theTextReportPutsFindingsFirst() {
        Result r = analyze(capture("coturn-connect-failed.pcap"));
        assertThat(r.status()).isZero();
        assertThat(r.out().indexOf("Findings")).isLessThan(r.out().indexOf("Roles"));
        assertThat(r.out()).contains("[ERROR]").contains("turn.connect-failed").contains("Fix:")
                .contains("TURN allocations").contains("Expressway-E");
    }

    @Test
    void badRolesAndMissingFilesAreOneLineErrors() {
        Result badRole = analyze(capture("coturn-rfc6062.pcapng"), "--role", "127.0.0.4=ROUTER");
        assertThat(badRole.status()).isEqualTo(2);
        assertThat(badRole.err().lines()).singleElement().asString().contains("unknown role ROUTER");
        Result missing = analyze("/nonexistent/x.pcap");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().lines()).singleElement().asString().contains("no such file");
    }
}
