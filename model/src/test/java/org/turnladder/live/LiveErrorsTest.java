package org.turnladder.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapNativeException;
import org.turnladder.live.LiveCaptureException.Kind;

/**
 * Every way live capture fails ends as a one-line {@link LiveCaptureException} that says what to do. These run
 * everywhere: the failures are injected where libpcap would raise them.
 */
class LiveErrorsTest {
    @TempDir
    Path spool;

    private LiveOptions options(String iface) {
        return LiveOptions.of(iface).withFilter("").withSpoolDirectory(spool);
    }

    private static LiveCaptureException openFailing(LiveOptions o, Throwable failure, List<String> known) {
        try {
            LiveCapture.open(o, (opts, nanos) -> {
                if (failure instanceof PcapNativeException p) {
                    throw p;
                }
                throw (Error) failure;
            }, () -> known);
        } catch (LiveCaptureException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a LiveCaptureException, got " + e, e);
        }
        throw new AssertionError("open did not fail");
    }

    @Test
    void operationNotPermittedSaysToGrantCapabilitiesOrRunAsAdministrator() {
        LiveCaptureException e = openFailing(options("eth0"),
                new PcapNativeException("socket: Operation not permitted", -8), List.of("eth0", "lo"));
        assertThat(e.kind()).isEqualTo(Kind.NO_PERMISSION);
        assertThat(e.getMessage())
                .contains("eth0")
                .contains("socket: Operation not permitted")
                .contains("cap_net_raw,cap_net_admin")
                .contains("sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))")
                .contains("root/administrator")
                .doesNotContain("\n");
    }

    @Test
    void permissionDeniedWithoutCodeIsAlsoAPermissionProblem() {
        LiveCaptureException e = openFailing(options("en0"),
                new PcapNativeException("(cannot open BPF device) /dev/bpf0: Permission denied"), null);
        assertThat(e.kind()).isEqualTo(Kind.NO_PERMISSION);
    }

    @Test
    void unsatisfiedLinkErrorSaysToInstallLibpcap() {
        LiveCaptureException e = openFailing(options("lo"),
                new UnsatisfiedLinkError("Unable to load library 'pcap': libpcap.so: cannot open shared object file"),
                null);
        assertThat(e.kind()).isEqualTo(Kind.LIBPCAP_MISSING);
        assertThat(e.getMessage()).contains("Unable to load library 'pcap'")
                .contains("install libpcap (Debian/Ubuntu: apt install libpcap0.8; Windows: Npcap; macOS: built in)");
    }

    @Test
    void noClassDefFoundForNativeMappingsAlsoSaysToInstallLibpcap() {
        LiveCaptureException e = openFailing(options("lo"),
                new NoClassDefFoundError("Could not initialize class org.pcap4j.core.NativeMappings"), null);
        assertThat(e.kind()).isEqualTo(Kind.LIBPCAP_MISSING);
        assertThat(e.getMessage()).contains("apt install libpcap0.8");
    }

    @Test
    void listingInterfacesWithoutLibpcapSaysToInstallIt() {
        assertThatThrownBy(() -> Interfaces.list(() -> {
            throw new UnsatisfiedLinkError("Unable to load library 'pcap'");
        })).isInstanceOfSatisfying(LiveCaptureException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.LIBPCAP_MISSING);
            assertThat(e.getMessage()).contains("Npcap");
        });
    }

    @Test
    void listingFailureFromLibpcapIsReportedWithItsWords() {
        assertThatThrownBy(() -> Interfaces.list(() -> {
            throw new PcapNativeException("can't open /proc/net/dev");
        })).isInstanceOfSatisfying(LiveCaptureException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.FAILED);
            assertThat(e.getMessage()).isEqualTo("cannot list interfaces: can't open /proc/net/dev");
        });
    }

    @Test
    void aNameLibpcapDoesNotListIsUnknownEvenWhenLibpcapComplainsAboutPermission() {
        // Unprivileged, libpcap fails on the socket before it looks at the name.
        LiveCaptureException e = openFailing(options("eht0"),
                new PcapNativeException("socket: Operation not permitted", -8), List.of("eth0", "any", "lo"));
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_INTERFACE);
        assertThat(e.getMessage()).contains("'eht0'").contains("eth0, any, lo").contains("--list");
    }

    @Test
    void noSuchDeviceIsUnknownInterfaceWhenNoListIsAvailable() {
        LiveCaptureException e = openFailing(options("nope0"),
                new PcapNativeException("No such device exists", -5), null);
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_INTERFACE);
        assertThat(e.getMessage()).startsWith("no interface named 'nope0'");
    }

    @Test
    void aDownInterfaceSaysToBringItUp() {
        LiveCaptureException e = openFailing(options("ifb0"),
                new PcapNativeException("That device is not up", -9), List.of("ifb0"));
        assertThat(e.kind()).isEqualTo(Kind.INTERFACE_DOWN);
        assertThat(e.getMessage()).contains("ip link set ifb0 up");
    }

    @Test
    void otherLibpcapFailuresKeepLibpcapsWords() {
        LiveCaptureException e = openFailing(options("dbus-system"),
                new PcapNativeException("Failed to get system bus", -1), List.of("dbus-system"));
        assertThat(e.kind()).isEqualTo(Kind.FAILED);
        assertThat(e.getMessage()).isEqualTo("cannot capture on dbus-system: Failed to get system bus");
    }

    @Test
    void anInterfaceThatDisappearsWhileCapturingIsReportedAsGone() {
        LiveCaptureException e = PcapFailures.reading("eth1",
                new PcapNativeException("Error occurred in pcap_next_ex(): The interface disappeared", -1));
        assertThat(e.kind()).isEqualTo(Kind.INTERFACE_GONE);
        assertThat(e.getMessage()).startsWith("capture on eth1 stopped: The interface disappeared")
                .contains("captured so far are kept");
        assertThat(PcapFailures.reading("eth1", new PcapNativeException("The interface went down")).kind())
                .isEqualTo(Kind.INTERFACE_GONE);
        assertThat(PcapFailures.reading("eth1", new PcapNativeException("read: Bad address")).kind())
                .isEqualTo(Kind.FAILED);
    }

    @Test
    void aBadFilterNamesTheFilterAndLibpcapsComplaint() {
        LiveCaptureException e = PcapFailures.badFilter("udp port and",
                new PcapNativeException("Error occurred in pcap_compile: can't parse filter expression: syntax error"));
        assertThat(e.kind()).isEqualTo(Kind.BAD_FILTER);
        assertThat(e.getMessage()).startsWith("bad capture filter 'udp port and': can't parse filter expression: "
                + "syntax error").contains("man pcap-filter");
    }
}
