package org.turnladder.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.turnladder.analysis.Role;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.FrameSpan;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;

class CaptureDocumentTest {
    @TempDir
    Path dir;

    static CaptureDocument load(Path p) throws IOException {
        return CaptureDocument.load(p, Map.of(), (a, b, c, d) -> { }, () -> false);
    }

    @Test
    void everyMessageFrameKeepsItsBytesForTheHexView() throws IOException {
        Path capture = TestCaptures.path("coturn-rfc6062.pcapng");
        CaptureDocument doc = load(capture);
        List<RawPacket> all = new ArrayList<>();
        try (PacketSource s = CaptureFiles.open(capture)) {
            RawPacket p;
            while ((p = s.next()) != null) {
                all.add(p);
            }
        }
        assertThat(doc.frameCount()).isEqualTo(all.size());
        assertThat(doc.messages()).isNotEmpty();
        for (DecodedMessage m : doc.messages()) {
            for (FrameSpan s : m.spans()) {
                byte[] bytes = doc.frameBytes(s.frame()).orElseThrow();
                assertThat(bytes).isEqualTo(all.get((int) s.frame() - 1).data());
            }
        }
        assertThat(doc.frameBytes(1)).as("a bare SYN carries no message").isEmpty();
    }

    @Test
    void theAnalysisComesWithTheDocumentAndFollowsRoleChanges() throws IOException {
        CaptureDocument doc = load(TestCaptures.path("coturn-rfc6062.pcapng"));
        assertThat(doc.analysis().roles()).anySatisfy(r -> assertThat(r.role()).isEqualTo(Role.EXPRESSWAY_E));
        assertThat(doc.analysis(Map.of("127.0.0.2", Role.CMS)).roles()).anySatisfy(r -> {
            assertThat(r.addresses()).contains("127.0.0.2");
            assertThat(r.role()).isEqualTo(Role.CMS);
        });
    }

    @Test
    void aTruncatedFileLoadsWhatWasReadWithAWarning() throws IOException {
        byte[] whole = Files.readAllBytes(TestCaptures.path("coturn-udp-allocation.pcap"));
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length / 2));
        CaptureDocument doc = load(cut);
        assertThat(doc.truncated()).isTrue();
        assertThat(doc.messages()).isNotEmpty();
    }

    @Test
    void loadingCanBeCancelled() throws IOException {
        Path big = dir.resolve("big.pcap");
        byte[] one = Files.readAllBytes(TestCaptures.path("coturn-udp-allocation.pcap"));
        // the same records many times: enough frames for the cancel check to run
        try (var out = Files.newOutputStream(big)) {
            out.write(one);
            for (int i = 0; i < 200; i++) {
                out.write(one, 24, one.length - 24);
            }
        }
        assertThatThrownBy(() -> CaptureDocument.load(big, Map.of(), (a, b, c, d) -> { }, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
