package org.turnladder.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.TestCaptures;

/**
 * The whole analysis on real captures: each finding id is provoked by a capture recorded from real programs, with
 * its severity and the frames that prove it; clean, successful captures raise no error.
 */
class AnalyzerTest {

    static Analysis analyze(String capture, Map<String, Role> overrides) {
        Analyzer analyzer = new Analyzer(overrides);
        DecodeEngine engine = new DecodeEngine(analyzer::message, analyzer::tcpFlow);
        try (PacketSource s = CaptureFiles.open(TestCaptures.path(capture))) {
            RawPacket p;
            while ((p = s.next()) != null) {
                analyzer.frame(p.epochNanos());
                engine.accept(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine.finish();
        return analyzer.snapshot(true);
    }

    static Analysis analyze(String capture) {
        return analyze(capture, Map.of());
    }

    static Stream<Arguments> findingsAndTheirCaptures() {
        return Stream.of(
                Arguments.of("sipp-appsharing-rejected.pcap", "sip.attendees-cannot-share", Severity.ERROR, List.of(1L, 3L)),
                Arguments.of("sipp-appsharing-rejected.pcap", "sip.appsharing-rejected", Severity.ERROR, List.of(1L, 3L)),
                Arguments.of("sipp-ms-diagnostics-1009.pcap", "sip.ms-diagnostics", Severity.WARNING, List.of(3L)),
                Arguments.of("sipp-reinvite-rejected.pcap", "sip.appsharing-rejected", Severity.ERROR, List.of(5L, 7L)),
                Arguments.of("coturn-rfc6062.pcapng", "sip.no-appsharing-invite", Severity.INFO, List.of()),
                Arguments.of("coturn-wrong-password.pcap", "turn.auth-failed", Severity.ERROR, List.of(3L, 4L)),
                Arguments.of("coturn-stale-nonce.pcap", "turn.stale-nonce", Severity.INFO, List.of(7L, 8L)),
                Arguments.of("coturn-no-tcp-relay.pcap", "turn.unsupported-transport", Severity.ERROR, List.of(8L, 9L)),
                Arguments.of("coturn-connect-failed.pcap", "turn.connect-failed", Severity.ERROR, List.of(12L, 15L)),
                Arguments.of("coturn-connect-timeout.pcapng", "turn.connect-failed", Severity.ERROR, List.of(12L, 23L)),
                Arguments.of("coturn-allocation-mismatch.pcap", "turn.allocation-mismatch", Severity.ERROR,
                        List.of(10L, 11L)),
                Arguments.of("coturn-forbidden-peer.pcap", "turn.forbidden", Severity.ERROR, List.of(12L, 13L)),
                Arguments.of("coturn-wrong-credentials.pcap", "turn.wrong-credentials", Severity.ERROR,
                        List.of(10L, 11L)),
                Arguments.of("coturn-connection-exists.pcap", "turn.connection-exists", Severity.WARNING,
                        List.of(24L, 25L)),
                Arguments.of("coturn-quota.pcap", "turn.capacity", Severity.ERROR, List.of(7L, 8L)),
                Arguments.of("coturn-unbound-connection.pcapng", "turn.unbound-connection", Severity.ERROR,
                        List.of(16L)),
                Arguments.of("libnice-one-way.pcap", "ice.check-unanswered", Severity.ERROR, List.of(2L)),
                Arguments.of("libnice-one-way.pcap", "ice.one-way", Severity.ERROR, List.of()),
                Arguments.of("libnice-one-way.pcap", "ice.no-working-pair", Severity.ERROR, List.of()),
                Arguments.of("coturn-connect-timeout.pcapng", "tcp.connect-unanswered", Severity.ERROR,
                        List.of(13L, 22L)),
                Arguments.of("tcp-connect-refused.pcap", "tcp.connect-refused", Severity.ERROR, List.of(1L, 2L)));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("findingsAndTheirCaptures")
    void aRealCaptureProvokesTheFinding(String capture, String id, Severity severity, List<Long> frames) {
        List<Finding> found = analyze(capture).findings(id);
        assertThat(found).as(id).isNotEmpty();
        assertThat(found).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(severity);
            assertThat(f.frames()).containsAll(frames);
            assertThat(f.title()).isNotBlank();
            assertThat(f.detail()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("cleanCaptures")
    void aCleanSuccessfulCaptureRaisesNoError(String capture) {
        assertThat(analyze(capture).findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    static Stream<String> cleanCaptures() {
        return Stream.of("coturn-rfc6062.pcapng", "coturn-udp-allocation.pcap", "coturn-tcp-allocation.pcap",
                "coturn-uclient-tcp-relay.pcapng", "libnice-ice-tcp.pcap", "libnice-msice2-udp.pcap",
                "sipp-appsharing-accepted-tcp.pcap", "synthetic/rfc6062-ipv6-sll2.pcapng");
    }

    @Test
    void findingsComeErrorsFirstThenByFrame() {
        List<Finding> f = analyze("coturn-connect-timeout.pcapng").findings();
        assertThat(f).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void theSuccessfulRfc6062SessionIsModelledEndToEnd() {
        Analysis a = analyze("coturn-rfc6062.pcapng");
        assertThat(a.turnAllocations()).anySatisfy(t -> {
            assertThat(t.requestedTransport()).isEqualTo(6);
            assertThat(t.connections()).hasSize(2).allSatisfy(c -> assertThat(c.data().bound()).isTrue());
        });
        assertThat(a.iceChecks()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> assertThat(p.works()).isTrue());
        assertThat(a.roles()).anySatisfy(r -> {
            assertThat(r.role()).isEqualTo(Role.EXPRESSWAY_E);
            assertThat(r.addresses()).contains("127.0.0.2");
        });
        assertThat(a.roles()).anySatisfy(r -> {
            assertThat(r.role()).isEqualTo(Role.CMS);
            assertThat(r.addresses()).contains("127.0.0.3");
        });
    }

    @Test
    void theUsersRoleOverrideWins() {
        Analysis a = analyze("coturn-rfc6062.pcapng", Map.of("127.0.0.4", Role.SKYPE_CLIENT));
        assertThat(a.roles()).anySatisfy(r -> {
            assertThat(r.addresses()).contains("127.0.0.4");
            assertThat(r.role()).isEqualTo(Role.SKYPE_CLIENT);
            assertThat(r.overridden()).isTrue();
        });
    }

    @Test
    void aLiveCaptureCanBeAskedAtAnyTime() {
        Analyzer analyzer = new Analyzer();
        DecodeEngine engine = new DecodeEngine(analyzer::message, analyzer::tcpFlow);
        try (PacketSource s = CaptureFiles.open(TestCaptures.path("coturn-connect-failed.pcap"))) {
            RawPacket p;
            while ((p = s.next()) != null) {
                analyzer.frame(p.epochNanos());
                engine.accept(p);
                Analysis now = analyzer.snapshot(false);
                assertThat(now.frames()).isEqualTo(p.frame());
                if (p.frame() < 12) {
                    assertThat(now.findings(("turn.connect-failed"))).isEmpty();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(analyzer.snapshot(false).findings("turn.connect-failed")).isNotEmpty();
        assertThat(analyzer.snapshot(false).findings("sip.no-appsharing-invite")).isEmpty();
    }
}
