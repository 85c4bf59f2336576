package org.turnladder.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TestStun;
import org.turnladder.live.LiveCaptureException.Kind;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;

/**
 * Captures on the loopback interface while the test itself exchanges STUN over UDP and TCP, and checks that the
 * messages are decoded while capturing and that the temporary and saved files hold every packet. Needs libpcap and
 * the right to capture (CI runs as root); skipped otherwise. Each test filters on its own address and ports.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LiveCaptureTest {
    private static final int XOR_MAPPED_ADDRESS = 0x0020;
    private static String loopback;

    @TempDir
    Path dir;

    private static void assumeCapture() {
        loopback = LoopbackCapture.name();
    }

    private LiveCapture open(String filter) throws IOException {
        return LiveCapture.open(LiveOptions.of(loopback).withFilter(filter).withSpoolDirectory(dir.resolve("spool")));
    }

    private static boolean hasStun(List<DecodedMessage> ms, Transport transport, StunClass cls) {
        return ms.stream().anyMatch(m -> m.transport() == transport && m.payload() instanceof StunMessage s
                && s.methodName().equals("Binding") && s.messageClass() == cls);
    }

    private static StunMessage stun(List<DecodedMessage> ms, StunClass cls) {
        return ms.stream().map(DecodedMessage::payload).filter(p -> p instanceof StunMessage s
                && s.messageClass() == cls).map(StunMessage.class::cast).findFirst().orElseThrow();
    }

    private static byte[] bindingSuccess(int seed, InetSocketAddress mapped) {
        return TestStun.of(TestStun.BINDING_SUCCESS, seed)
                .address(XOR_MAPPED_ADDRESS, Endpoint.of(mapped.getAddress(), mapped.getPort()), true).build();
    }

    /** The saved and temporary files hold exactly the packets next() returned, byte for byte. */
    private void assertFilesHoldEveryPacket(LiveCapture capture, List<RawPacket> packets) throws IOException {
        assertThat(packets).extracting(RawPacket::frame)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, packets.size()).boxed().toList());
        assertThat(packets).allSatisfy(p -> assertThat(p.linkType()).isEqualTo(capture.linkType()));
        CaptureStats stats = capture.stats();
        assertThat(stats.packets()).isEqualTo(packets.size());
        assertThat(stats.bytes()).isEqualTo(packets.stream().mapToLong(p -> p.data().length).sum());
        assertThat(stats.received()).isGreaterThanOrEqualTo(packets.size());
        assertThat(stats.droppedByKernel()).isZero();

        Path ng = dir.resolve("saved.pcapng");
        Path pcap = dir.resolve("saved.pcap");
        assertThat(capture.saveAs(ng, SaveFormat.PCAPNG)).isEqualTo(packets.size());
        assertThat(capture.saveAs(pcap, SaveFormat.PCAP)).isEqualTo(packets.size());
        CaptureSpoolTest.assertSamePackets(CaptureSpoolTest.read(ng), packets);
        CaptureSpoolTest.assertSamePackets(CaptureSpoolTest.read(pcap), packets);
        assertThat(capture.temporaryFiles()).singleElement().satisfies(f -> {
            assertThat(f.getParent()).isEqualTo(dir.resolve("spool"));
            CaptureSpoolTest.assertSamePackets(CaptureSpoolTest.read(f), packets);
        });
    }

    @Test
    void udpStunExchangeIsDecodedWhileCapturingAndEveryPacketIsKept() throws Exception {
        assumeCapture();
        InetAddress host = InetAddress.getByName("127.0.0.71");
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(host, 0));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(host, 0))) {
            server.setSoTimeout(3000);
            LiveCapture capture = open("host 127.0.0.71 and udp port " + server.getLocalPort());
            LiveRun run = new LiveRun(capture);
            try {
                byte[] request = TestStun.of(TestStun.BINDING_REQUEST, 5).build();
                client.send(new DatagramPacket(request, request.length, server.getLocalSocketAddress()));
                DatagramPacket got = new DatagramPacket(new byte[1500], 1500);
                server.receive(got);
                byte[] response = bindingSuccess(5, (InetSocketAddress) got.getSocketAddress());
                server.send(new DatagramPacket(response, response.length, got.getSocketAddress()));

                assertThat(run.awaitMessages(ms -> hasStun(ms, Transport.UDP, StunClass.SUCCESS), 5000))
                        .as("Binding success decoded while capturing; got %s", run.messages).isTrue();
                List<RawPacket> packets = run.stop();
                assertThat(run.failure).isNull();
                assertThat(run.messagesBeforeStop).isEqualTo(2);

                List<DecodedMessage> ms = run.messages;
                assertThat(ms).hasSize(2);
                assertThat(ms.get(0).src().port()).isEqualTo(client.getLocalPort());
                assertThat(ms.get(0).dst().port()).isEqualTo(server.getLocalPort());
                assertThat(stun(ms, StunClass.SUCCESS).transactionId())
                        .isEqualTo(stun(ms, StunClass.REQUEST).transactionId());
                assertThat(stun(ms, StunClass.SUCCESS).mappedAddress()).contains(
                        Endpoint.of(host, client.getLocalPort()));
                assertThat(packets).hasSize(2);
                assertThat(packets.get(0).epochNanos()).isLessThanOrEqualTo(packets.get(1).epochNanos());
                assertFilesHoldEveryPacket(capture, packets);
            } finally {
                capture.stop();
                capture.close();
            }
        }
    }

    @Test
    void tcpStunExchangeIsDecodedWhileCapturingAndEveryPacketIsKept() throws Exception {
        assumeCapture();
        InetAddress host = InetAddress.getByName("127.0.0.72");
        try (ServerSocket listener = new ServerSocket(0, 1, host)) {
            LiveCapture capture = open("host 127.0.0.72 and tcp port " + listener.getLocalPort());
            LiveRun run = new LiveRun(capture);
            try {
                try (Socket client = new Socket()) {
                    client.bind(new InetSocketAddress(host, 0));
                    client.connect(listener.getLocalSocketAddress(), 2000);
                    client.setSoTimeout(3000);
                    try (Socket accepted = listener.accept()) {
                        accepted.setSoTimeout(3000);
                        byte[] request = TestStun.of(TestStun.BINDING_REQUEST, 9).build();
                        client.getOutputStream().write(request);
                        InputStream in = accepted.getInputStream();
                        assertThat(in.readNBytes(request.length)).isEqualTo(request);
                        byte[] response = bindingSuccess(9, (InetSocketAddress) accepted.getRemoteSocketAddress());
                        OutputStream out = accepted.getOutputStream();
                        out.write(response);
                        assertThat(client.getInputStream().readNBytes(response.length)).isEqualTo(response);
                    }
                }
                assertThat(run.awaitMessages(ms -> hasStun(ms, Transport.TCP, StunClass.SUCCESS), 5000))
                        .as("Binding success over TCP decoded while capturing; got %s", run.messages).isTrue();
                Thread.sleep(200); // the closing segments, so the file check covers a whole connection
                List<RawPacket> packets = run.stop();
                assertThat(run.failure).isNull();
                assertThat(run.messagesBeforeStop).isGreaterThanOrEqualTo(2);
                assertThat(run.messages).filteredOn(m -> m.payload() instanceof StunMessage).hasSize(2);
                assertThat(stun(run.messages, StunClass.SUCCESS).transactionId())
                        .isEqualTo(stun(run.messages, StunClass.REQUEST).transactionId());
                // SYN, SYN-ACK, ACK, two data segments and their ACKs, and the closing FINs at least.
                assertThat(packets.size()).isGreaterThanOrEqualTo(7);
                assertFilesHoldEveryPacket(capture, packets);
            } finally {
                capture.stop();
                capture.close();
            }
        }
    }

    @Test
    void theDefaultFilterKeepsSipAndTurnPortsAndLeavesOthers() throws Exception {
        assumeCapture();
        InetAddress host = InetAddress.getByName("127.0.0.75");
        try (DatagramSocket mras = new DatagramSocket(new InetSocketAddress(host, 5062));
                DatagramSocket other = new DatagramSocket(new InetSocketAddress(host, 5063));
                DatagramSocket client = socketOutsideTheFilteredRanges(host)) {
            LiveCapture capture = LiveCapture.open(LiveOptions.of(loopback).withSpoolDirectory(dir));
            LiveRun run = new LiveRun(capture);
            try {
                byte[] request = TestStun.of(TestStun.BINDING_REQUEST, 3).build();
                client.send(new DatagramPacket(request, request.length, other.getLocalSocketAddress()));
                client.send(new DatagramPacket(request, request.length, mras.getLocalSocketAddress()));
                assertThat(run.awaitMessages(ms -> ms.stream().anyMatch(m -> m.dst().port() == 5062), 5000))
                        .isTrue();
                run.stop();
                assertThat(run.messages).filteredOn(m -> m.src().host().equals("127.0.0.75"))
                        .extracting(m -> m.dst().port()).containsOnly(5062);
            } finally {
                capture.stop();
                capture.discard();
            }
        }
    }

    /** An ephemeral port may fall in 50000–59999, which the default filter keeps. */
    private static DatagramSocket socketOutsideTheFilteredRanges(InetAddress host) throws IOException {
        for (int port = 40100; port < 40200; port++) {
            try {
                return new DatagramSocket(new InetSocketAddress(host, port));
            } catch (java.net.BindException e) {
                // taken: try the next
            }
        }
        throw new java.net.BindException("no free UDP port in 40100-40199 on " + host);
    }

    @Test
    void stopWakesAReaderWaitingForPacketsThatNeverCome() throws Exception {
        assumeCapture();
        LiveCapture capture = open("host 127.0.0.74 and udp port 9");
        LiveRun run = new LiveRun(capture);
        Thread.sleep(300); // the reader is inside libpcap by now
        assertThat(run.stop()).isEmpty(); // asserts it ended within a second
        assertThat(capture.next()).isNull();
        assertThat(capture.ended()).isTrue();
        capture.discard();
        assertThat(capture.temporaryFiles()).allSatisfy(f -> assertThat(f).doesNotExist());
    }

    @Test
    void anInterfaceRemovedWhileCapturingEndsTheCaptureWithAClearErrorAndKeepsTheFile() throws Exception {
        assumeCapture();
        String name = "tlgone" + ProcessHandle.current().pid() % 100000;
        assumeTrue(ip("link", "add", name, "type", "veth", "peer", "name", name + "p"),
                "cannot create a veth pair here (needs ip and CAP_NET_ADMIN)");
        try {
            assertThat(ip("link", "set", name, "up")).isTrue();
            LiveCapture capture = LiveCapture.open(LiveOptions.of(name).withFilter("").withSpoolDirectory(dir));
            LiveRun run = new LiveRun(capture);
            Thread.sleep(300);
            assertThat(ip("link", "del", name)).isTrue();
            assertThat(run.awaitEnd(3000)).as("the reader ends when the interface goes").isTrue();
            assertThat(run.failure).isInstanceOfSatisfying(LiveCaptureException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.INTERFACE_GONE);
                assertThat(e.getMessage()).startsWith("capture on " + name + " stopped: ");
            });
            assertThat(capture.failure()).isSameAs(run.failure);
            assertThat(capture.next()).isNull();
            CaptureSpoolTest.assertSamePackets(CaptureSpoolTest.read(capture.temporaryFiles().get(0)), run.packets);
            capture.discard();
        } finally {
            ip("link", "del", name); // normally gone already
        }
    }

    private static boolean ip(String... args) throws InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ip";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
                    ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theLoopbackInterfaceIsListedWithItsAddress() throws Exception {
        assumeTrue(LiveOptionsTest.libpcapLoads(), "libpcap is not installed");
        assertThat(Interfaces.list()).anySatisfy(i -> {
            assertThat(i.loopback()).isTrue();
            assertThat(i.up()).isTrue();
            assertThat(i.addresses()).contains("127.0.0.1");
            assertThat(i.label()).startsWith(i.name() + " (up, loopback) ");
        });
    }

    @Test
    void anUnknownInterfaceIsReportedWithTheKnownOnes() {
        assumeTrue(LiveOptionsTest.libpcapLoads(), "libpcap is not installed");
        assertThatThrownBy(() -> LiveCapture.open(LiveOptions.of("tl-nope0").withSpoolDirectory(dir)))
                .isInstanceOfSatisfying(LiveCaptureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_INTERFACE);
                    assertThat(e.getMessage()).startsWith("no interface named 'tl-nope0' (known: ");
                });
    }

    @Test
    void aBadFilterIsReportedBeforeAnythingIsOpened() {
        assumeTrue(LiveOptionsTest.libpcapLoads(), "libpcap is not installed");
        assertThatThrownBy(() -> LiveCapture.open(LiveOptions.of("lo").withFilter("udp port and")
                .withSpoolDirectory(dir))).isInstanceOfSatisfying(LiveCaptureException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.BAD_FILTER));
        assertThat(dir).isEmptyDirectory();
    }
}
