package org.turnladder.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;
import org.turnladder.live.LiveCaptureException.Kind;

class LiveOptionsTest {
    static boolean libpcapLoads() {
        try {
            Interfaces.libpcapVersion();
            return true;
        } catch (LiveCaptureException e) {
            return false;
        }
    }

    @Test
    void defaultsAreTheJobFilterWholePacketsPromiscuousOneFileInTheTemporaryFolder() {
        LiveOptions o = LiveOptions.of("eth0");
        assertThat(o.filter()).isEqualTo(LiveOptions.DEFAULT_FILTER);
        assertThat(o.snapLength()).isEqualTo(262144);
        assertThat(o.promiscuous()).isTrue();
        assertThat(o.ringFiles()).isZero();
        assertThat(o.spoolDirectory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "turnladder-live"));
    }

    @Test
    void theDefaultFilterCoversSipTurnAndBothRelayRanges() {
        assertThat(LiveOptions.DEFAULT_FILTER).contains("port 5060", "port 5061", "port 5062", "port 5065",
                "port 3478", "port 5349", "port 443", "portrange 24000-29999", "portrange 50000-59999", "icmp");
    }

    @Test
    void theDefaultFiltersCompile() throws Exception {
        assumeTrue(libpcapLoads(), "libpcap is not installed");
        CaptureFilter.check(LiveOptions.DEFAULT_FILTER);
        CaptureFilter.check(LiveOptions.ALL_TCP_UDP);
        CaptureFilter.check("");
    }

    @Test
    void aBadFilterIsReportedWithoutOpeningAnInterface() {
        assumeTrue(libpcapLoads(), "libpcap is not installed");
        assertThatThrownBy(() -> CaptureFilter.check("udp port and"))
                .isInstanceOfSatisfying(LiveCaptureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_FILTER);
                    assertThat(e.getMessage()).startsWith("bad capture filter 'udp port and': ")
                            .contains("syntax error");
                });
    }

    @Test
    void impossibleOptionsAreRefused() {
        assertThatThrownBy(() -> LiveOptions.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveOptions.of("lo").withSnapLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveOptions.of("lo").withSnapLength(262145))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveOptions.of("lo").withRing(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LiveOptions.of("lo").withRing(0, 0).ringFiles()).isZero();
        assertThat(LiveOptions.of("lo").withFilter(null).filter()).isEmpty();
    }

    @Test
    void saveFormatFollowsTheFileName() {
        assertThat(SaveFormat.forFileName(Path.of("a/b.pcap"))).isEqualTo(SaveFormat.PCAP);
        assertThat(SaveFormat.forFileName(Path.of("b.CAP"))).isEqualTo(SaveFormat.PCAP);
        assertThat(SaveFormat.forFileName(Path.of("b.pcapng"))).isEqualTo(SaveFormat.PCAPNG);
        assertThat(SaveFormat.forFileName(Path.of("capture"))).isEqualTo(SaveFormat.PCAPNG);
    }

    @Test
    void rawIpLinkTypesBecomeTheFileLinkType() {
        assertThat(LinkTypes.fromDlt(12)).isEqualTo(101);
        assertThat(LinkTypes.fromDlt(14)).isEqualTo(101);
        assertThat(LinkTypes.fromDlt(1)).isEqualTo(1);
        assertThat(LinkTypes.fromDlt(113)).isEqualTo(113);
    }

    @Test
    void timestampsKeepEveryNanosecond() {
        Timestamp t = new Timestamp(1_700_000_000_000L);
        t.setNanos(123_456_789);
        assertThat(LiveCapture.epochNanos(t)).isEqualTo(1_700_000_000_123_456_789L);
    }
}
