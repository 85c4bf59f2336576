package org.turnladder.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Role;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.TestCaptures;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.RoleColumns;

class LiveDocumentTest {
    private static final RoleColumns NO_ROLES = new RoleColumns(Map.of(), Map.of());

    static List<RawPacket> packets(Path p) throws IOException {
        List<RawPacket> all = new ArrayList<>();
        try (PacketSource s = CaptureFiles.open(p)) {
            for (RawPacket r = s.next(); r != null; r = s.next()) {
                all.add(r);
            }
        }
        return all;
    }

    private static List<String> labels(LadderModel m) {
        List<String> out = new ArrayList<>();
        m.rows().forEach(r -> out.add(r.label()));
        return out;
    }

    @Test
    void fedEveryPacketAndFinishedItShowsWhatTheFileShows() throws IOException {
        Path file = TestCaptures.path("coturn-rfc6062.pcapng");
        CaptureDocument doc = CaptureDocumentTest.load(file);
        LiveDocument live = new LiveDocument("lo", Map.of());
        for (RawPacket p : packets(file)) {
            live.packet(p);
        }
        live.finish();
        assertThat(live.finished()).isTrue();
        assertThat(live.frameCount()).isEqualTo(doc.frameCount());
        assertThat(live.messageCount()).isEqualTo(doc.messageCount());
        for (int i = 0; i < doc.messageCount(); i++) {
            assertThat(live.message(i).frame()).isEqualTo(doc.message(i).frame());
            assertThat(live.frameBytes(doc.message(i).frame())).isPresent();
        }
        assertThat(live.message(doc.messageCount())).isNull();
        LadderOptions o = LadderOptions.defaults();
        assertThat(labels(live.ladder(NO_ROLES, List.of(), o))).isEqualTo(labels(doc.ladder(NO_ROLES, List.of(), o)));
        assertThat(live.analysis(Map.of()).findings()).isEqualTo(doc.analysis(Map.of()).findings());
        assertThat(live.turnSessions()).isEqualTo(doc.turnSessions());
    }

    @Test
    void theVersionChangesWithEveryPacketAndWithTheEndOnly() throws IOException {
        LiveDocument live = new LiveDocument("lo", Map.of());
        long v0 = live.version();
        List<RawPacket> all = packets(TestCaptures.path("coturn-rfc6062.pcapng"));
        live.packet(all.get(0));
        long v1 = live.version();
        assertThat(v1).isNotEqualTo(v0);
        assertThat(live.version()).isEqualTo(v1);
        live.finish();
        long v2 = live.version();
        assertThat(v2).isNotEqualTo(v1);
        live.finish();
        assertThat(live.version()).as("a second end changes nothing").isEqualTo(v2);
    }

    @Test
    void theAnalysisFollowsRoleChoicesWhileCapturing() throws IOException {
        LiveDocument live = new LiveDocument("lo", Map.of());
        for (RawPacket p : packets(TestCaptures.path("coturn-rfc6062.pcapng"))) {
            live.packet(p);
        }
        assertThat(live.analysis(Map.of()).ended()).as("not final while capturing").isFalse();
        assertThat(live.analysis(Map.of("127.0.0.2", Role.CMS)).roles()).anySatisfy(r -> {
            assertThat(r.addresses()).contains("127.0.0.2");
            assertThat(r.role()).isEqualTo(Role.CMS);
        });
    }

    @Test
    void laddersBuiltWhilePacketsArriveAlwaysHoldWholePrefixesOfTheCapture() throws Exception {
        Path file = TestCaptures.path("coturn-rfc6062.pcapng");
        List<RawPacket> all = packets(file);
        LiveDocument live = new LiveDocument("lo", Map.of());
        LadderOptions o = LadderOptions.showAll();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (int round = 0; round < 20; round++) {
                    for (RawPacket p : all) {
                        live.packet(new RawPacket(p.frame() + (long) round * all.size(), p.epochNanos(),
                                p.linkType(), p.originalLength(), p.data()));
                    }
                }
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        reader.start();
        int prev = -1;
        while (reader.isAlive()) {
            LadderModel m = live.ladder(NO_ROLES, List.of(), o);
            assertThat(m.messageCount()).isGreaterThanOrEqualTo(prev);
            for (int i = 0; i < m.rowCount(); i++) {
                assertThat(m.row(i).entry().messageIndex()).isLessThan(m.messageCount());
            }
            prev = m.messageCount();
        }
        reader.join();
        assertThat(failed.get()).isNull();
        assertThat(live.ladder(NO_ROLES, List.of(), o).messageCount()).isEqualTo(live.messageCount());
    }
}
