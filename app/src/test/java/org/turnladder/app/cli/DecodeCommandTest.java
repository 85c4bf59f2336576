package org.turnladder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.turnladder.decode.TestCaptures;

class DecodeCommandTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
        List<JsonObject> json() {
            return out.lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        }
    }

    static Result decode(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Cli.run("decode", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path capture(String name) {
        return TestCaptures.path(name);
    }

    @Test
    void jsonLinesCarryTheFieldsOfTheContract() {
        Result r = decode(capture("coturn-rfc6062.pcapng").toString(), "--format", "json");
        assertThat(r.status()).isZero();
        List<JsonObject> lines = r.json();
        assertThat(lines).isNotEmpty();
        JsonObject first = lines.get(0);
        assertThat(first.get("frame").getAsLong()).isPositive();
        assertThat(first.get("time").getAsString()).matches("\\d+\\.\\d{9}");
        assertThat(first.get("src").getAsString()).matches("127\\.0\\.0\\.3:\\d+");
        assertThat(first.get("dst").getAsString()).isEqualTo("127.0.0.2:3478");
        assertThat(first.get("transport").getAsString()).isEqualTo("TCP");
        assertThat(first.get("protocol").getAsString()).isEqualTo("STUN");
        assertThat(first.get("framing").getAsString()).isEqualTo("stream");
        assertThat(first.get("dialect").getAsString()).isEqualTo("rfc5389");
        assertThat(first.get("type").getAsString()).isEqualTo("0x0003");
        assertThat(first.get("method").getAsString()).isEqualTo("Allocate");
        assertThat(first.get("class").getAsString()).isEqualTo("request");
        assertThat(first.get("transactionId").getAsString()).matches("[0-9a-f]{24}");
        assertThat(first.get("errorCode").isJsonNull()).isTrue();
        assertThat(first.getAsJsonArray("warnings")).isEmpty();
        assertThat(first.getAsJsonArray("attributes")).anySatisfy(a -> {
            assertThat(a.getAsJsonObject().get("name").getAsString()).isEqualTo("REQUESTED-TRANSPORT");
            assertThat(a.getAsJsonObject().get("type").getAsString()).isEqualTo("0x0019");
        });
        assertThat(lines).anySatisfy(m -> {
            assertThat(m.get("class").getAsString()).isEqualTo("error");
            assertThat(m.get("errorCode").getAsInt()).isEqualTo(401);
        });
        assertThat(lines).filteredOn(m -> m.get("method").getAsString().equals("Connect")
                        && m.get("class").getAsString().equals("success"))
                .singleElement().satisfies(m -> assertThat(m.getAsJsonArray("attributes")).anySatisfy(a -> {
                    assertThat(a.getAsJsonObject().get("name").getAsString()).isEqualTo("CONNECTION-ID");
                    assertThat(a.getAsJsonObject().get("value").getAsString()).matches("\\d+");
                }));
        assertThat(lines).anySatisfy(m -> assertThat(m.get("framing").getAsString()).isEqualTo("relayed"));
        assertThat(lines).extracting(m -> m.get("frame").getAsLong()).isSorted();
    }

    @Test
    void sipLinesCarryCallIdSdpAndMsDiagnostics() {
        Result r = decode(capture("sipp-appsharing-rejected.pcap").toString(), "--format", "json");
        assertThat(r.status()).isZero();
        JsonObject invite = r.json().stream().filter(m -> m.has("request")).findFirst().orElseThrow();
        assertThat(invite.get("request").getAsString()).isEqualTo("INVITE");
        assertThat(invite.get("callId").getAsString()).isNotEmpty();
        assertThat(invite.getAsJsonObject("sdp").getAsJsonArray("media")).anySatisfy(m ->
                assertThat(m.getAsJsonObject().get("type").getAsString()).isEqualTo("applicationsharing"));
        JsonObject rejection = r.json().stream().filter(m -> m.has("status") && m.get("status").getAsInt() == 488)
                .findFirst().orElseThrow();
        assertThat(rejection.getAsJsonArray("msDiagnostics")).singleElement().satisfies(d -> {
            assertThat(d.getAsJsonObject().get("code").getAsInt()).isEqualTo(21002);
            assertThat(d.getAsJsonObject().get("header").getAsString()).isEqualToIgnoringCase("ms-diagnostics-public");
            assertThat(d.getAsJsonObject().get("component").getAsString()).isEqualTo("ASMCU");
        });
    }

    @Test
    void textIsOneHumanLinePerMessage() {
        Result r = decode(capture("coturn-connect-failed.pcap").toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Connect Error Response 447");
        assertThat(r.out().lines().filter(l -> !l.startsWith("#")).count())
                .isEqualTo(decode(capture("coturn-connect-failed.pcap").toString(), "--format", "json").json().size());
    }

    @Test
    void aMissingFileIsAOneLineErrorWithStatus2() {
        Result r = decode(dir.resolve("nope.pcap").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains("no such file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotACaptureIsAOneLineErrorWithStatus2() throws IOException {
        Path notCapture = Files.writeString(dir.resolve("notes.pcap"), "<!DOCTYPE html><html></html>");
        Result r = decode(notCapture.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains("not a pcap or pcapng");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aTruncatedCapturePrintsWhatWasReadWarnsAndSucceeds() throws IOException {
        byte[] whole = Files.readAllBytes(capture("coturn-udp-allocation.pcap"));
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length * 2 / 3));
        Result full = decode(capture("coturn-udp-allocation.pcap").toString(), "--format", "json");
        Result r = decode(cut.toString(), "--format", "json");
        assertThat(r.status()).isZero();
        assertThat(r.json()).isNotEmpty().hasSizeLessThan(full.json().size());
        assertThat(r.err()).contains("truncated");
    }

    @Test
    void badArgumentsAreRefusedWithStatus2() {
        assertThat(decode().status()).isEqualTo(2);
        assertThat(decode("x.pcap", "--format", "xml").status()).isEqualTo(2);
        assertThat(decode("x.pcap", "--frobnicate").status()).isEqualTo(2);
    }

    @Test
    void theUserFileIsNeverModified() throws IOException {
        Path copy = Files.copy(capture("coturn-rfc6062.pcapng"), dir.resolve("copy.pcapng"));
        byte[] before = Files.readAllBytes(copy);
        long modified = Files.getLastModifiedTime(copy).toMillis();
        decode(copy.toString(), "--format", "json");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(copy).toMillis()).isEqualTo(modified);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(copy);
        }
    }
}
