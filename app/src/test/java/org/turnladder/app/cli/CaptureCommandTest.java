package org.turnladder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.live.CaptureInterface;
import org.turnladder.live.Interfaces;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveCaptureException;
import org.turnladder.live.LiveOptions;

/**
 * {@code capture}: argument errors always; interface listing and libpcap's errors where libpcap is installed; real
 * captures on the loopback interface where capturing is allowed (CI runs as root), each filtering on its own
 * address and port.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CaptureCommandTest {
    private static final int COOKIE = 0x2112A442;
    private static String loopback;
    private static String libpcapProblem;
    private static String captureProblem;

    @TempDir
    Path dir;

    @BeforeAll
    static void probe() {
        try {
            loopback = Interfaces.list().stream().filter(CaptureInterface::loopback).map(CaptureInterface::name)
                    .findFirst().orElse(null);
        } catch (LiveCaptureException e) {
            libpcapProblem = e.getMessage();
            captureProblem = e.getMessage();
            return;
        }
        if (loopback == null) {
            captureProblem = "no loopback interface";
            return;
        }
        try (LiveCapture c = LiveCapture.open(LiveOptions.of(loopback).withFilter("udp port 9"))) {
            c.discard();
        } catch (IOException e) {
            captureProblem = e.getMessage();
        }
    }

    /** Output streams that another thread may read while the command writes. */
    record Run(int status, String out, String err) {
        List<JsonObject> json() {
            return out.lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        }
    }

    static Run capture(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Cli.run("capture", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts the command on another thread; returns once it is capturing. */
    static CompletableFuture<Run> captureInBackground(String... args) throws InterruptedException {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        CompletableFuture<Run> result = CompletableFuture.supplyAsync(() -> {
            int status = Cli.run("capture", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
        waitFor(() -> err.toString(StandardCharsets.UTF_8).contains("capturing on") || result.isDone(), 5000);
        return result;
    }

    static void waitFor(Supplier<Boolean> condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** A STUN Binding request: header only, magic cookie, the given transaction id. */
    static byte[] bindingRequest(byte[] txid) {
        return ByteBuffer.allocate(20).putShort((short) 0x0001).putShort((short) 0).putInt(COOKIE).put(txid).array();
    }

    /** A Binding success response with XOR-MAPPED-ADDRESS for an IPv4 {@code mapped}. */
    static byte[] bindingSuccess(byte[] txid, InetSocketAddress mapped) {
        byte[] ip = mapped.getAddress().getAddress();
        int ipXor = ByteBuffer.wrap(ip).getInt() ^ COOKIE;
        return ByteBuffer.allocate(32).putShort((short) 0x0101).putShort((short) 12).putInt(COOKIE).put(txid)
                .putShort((short) 0x0020).putShort((short) 8).put((byte) 0).put((byte) 1)
                .putShort((short) (mapped.getPort() ^ (COOKIE >>> 16))).putInt(ipXor).array();
    }

    /** Sends a Binding request from {@code client} to {@code server} and answers it. */
    static void stunExchange(DatagramSocket client, DatagramSocket server, int seed) throws IOException {
        byte[] txid = new byte[12];
        for (int i = 0; i < 12; i++) {
            txid[i] = (byte) (seed + i);
        }
        byte[] request = bindingRequest(txid);
        client.send(new DatagramPacket(request, request.length, server.getLocalSocketAddress()));
        DatagramPacket got = new DatagramPacket(new byte[1500], 1500);
        server.setSoTimeout(3000);
        server.receive(got);
        byte[] response = bindingSuccess(txid, (InetSocketAddress) got.getSocketAddress());
        server.send(new DatagramPacket(response, response.length, got.getSocketAddress()));
    }

    static List<RawPacket> read(Path file) throws IOException {
        List<RawPacket> all = new ArrayList<>();
        try (PacketSource in = CaptureFiles.open(file)) {
            RawPacket p;
            while ((p = in.next()) != null) {
                all.add(p);
            }
        }
        return all;
    }

    private static void assumeLibpcap() {
        assumeTrue(libpcapProblem == null, () -> "libpcap: " + libpcapProblem);
    }

    private static void assumeCapture() {
        assumeTrue(captureProblem == null, () -> "live capture is not possible here: " + captureProblem);
    }

    private static void assertOneErrorLine(Run r) {
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(l -> {
            assertThat(l).startsWith("turnladder capture: ");
            assertThat(l).doesNotContain("Exception").doesNotContain("\tat ");
        });
    }

    @Test
    void withoutAnInterfaceItAsksForOne() {
        Run r = capture("--duration", "1");
        assertOneErrorLine(r);
        assertThat(r.err()).contains("which interface?").contains("--list");
    }

    @Test
    void badArgumentsAreOneLineWithStatus2() {
        assertOneErrorLine(capture("-i", "lo", "--bogus"));
        assertOneErrorLine(capture("-i", "lo", "--format", "xml"));
        assertOneErrorLine(capture("-i", "lo", "--count", "0"));
        assertOneErrorLine(capture("-i", "lo", "--duration", "soon"));
        assertOneErrorLine(capture("-i", "lo", "--ring-size", "10"));
        assertOneErrorLine(capture("-i", "lo", "--snaplen", "300000"));
        assertOneErrorLine(capture("-i"));
    }

    @Test
    void listShowsTheLoopbackInterface() {
        assumeLibpcap();
        Run r = capture("--list");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith(loopback + " (up, loopback) ")
                .contains("127.0.0.1"));
    }

    @Test
    void anUnknownInterfaceIsOneLineNamingTheKnownOnes() {
        assumeLibpcap();
        Run r = capture("--interface", "tl-nope0", "--duration", "1");
        assertOneErrorLine(r);
        assertThat(r.err()).contains("no interface named 'tl-nope0'").contains(loopback);
    }

    @Test
    void aBadFilterIsOneLineWithLibpcapsReason() {
        assumeLibpcap();
        Run r = capture("--interface", "lo", "--filter", "udp port and", "--duration", "1");
        assertOneErrorLine(r);
        assertThat(r.err()).contains("bad capture filter 'udp port and'").contains("syntax error");
    }

    @Test
    void printsStunMessagesAsTheyComeAndWritesEveryPacket() throws Exception {
        assumeCapture();
        InetAddress host = InetAddress.getByName("127.0.0.81");
        Path out = dir.resolve("live.pcapng");
        long spooledBefore = spooledFiles();
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(host, 0));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(host, 0))) {
            CompletableFuture<Run> running = captureInBackground("--interface", loopback, "--filter",
                    "host 127.0.0.81 and udp port " + server.getLocalPort(), "--count", "2", "--duration", "10",
                    "--write", out.toString(), "--format", "json");
            stunExchange(client, server, 40);
            Run r = running.get(10, TimeUnit.SECONDS);

            assertThat(r.status()).as(r.err()).isZero();
            List<JsonObject> lines = r.json();
            assertThat(lines).hasSize(2);
            assertThat(lines).extracting(l -> l.get("method").getAsString()).containsOnly("Binding");
            assertThat(lines).extracting(l -> l.get("class").getAsString()).containsExactly("request", "success");
            assertThat(lines.get(0).get("transactionId").getAsString())
                    .isEqualTo(lines.get(1).get("transactionId").getAsString());
            assertThat(lines.get(0).get("dst").getAsString()).isEqualTo("127.0.0.81:" + server.getLocalPort());
            assertThat(r.err()).contains("2 packets (").contains("wrote 2 packets to " + out);

            List<RawPacket> saved = read(out);
            assertThat(saved).hasSize(2);
            assertThat(saved).extracting(RawPacket::frame).containsExactly(1L, 2L);
            assertThat(saved.get(0).data().length).isEqualTo(14 + 20 + 8 + 20); // Ethernet, IPv4, UDP, STUN
        }
        assertThat(spooledFiles()).as("the temporary file is removed once written out").isEqualTo(spooledBefore);
    }

    private static long spooledFiles() throws IOException {
        Path spool = LiveOptions.defaultSpoolDirectory();
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (var files = Files.list(spool)) {
            return files.count();
        }
    }

    @Test
    void withoutWriteTheCaptureStaysInTheTemporaryFileAndTheDurationEndsIt() throws Exception {
        assumeCapture();
        long t0 = System.nanoTime();
        Run r = capture("-i", loopback, "-f", "host 127.0.0.82 and udp port 9", "--duration", "0.5");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(millis).isBetween(400L, 3000L);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("0 packets (0 bytes) captured");
        String kept = r.err().lines().filter(l -> l.contains("the capture is kept in ")).findFirst().orElseThrow();
        Path temp = Path.of(kept.substring(kept.indexOf("kept in ") + 8, kept.indexOf(" (--write")));
        assertThat(temp.getParent()).isEqualTo(LiveOptions.defaultSpoolDirectory());
        assertThat(read(temp)).isEmpty();
        Files.delete(temp);
    }

    @Test
    void aTerminatedCaptureStillWritesItsFile() throws Exception {
        assumeCapture();
        InetAddress host = InetAddress.getByName("127.0.0.83");
        Path out = dir.resolve("terminated.pcap");
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(host, 0));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(host, 0))) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    "org.turnladder.app.Launcher", "capture", "-i", loopback, "-f",
                    "host 127.0.0.83 and udp port " + server.getLocalPort(), "-w", out.toString());
            pb.environment().put("TURNLADDER_JAVA_OPTIONS", "none");
            pb.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
            Process p = pb.start();
            try {
                waitFor(() -> text(dir.resolve("stderr.txt")).contains("capturing on") || !p.isAlive(), 10_000);
                assertThat(p.isAlive()).as(text(dir.resolve("stderr.txt"))).isTrue();
                stunExchange(client, server, 60);
                waitFor(() -> text(dir.resolve("stdout.txt")).contains("Success Response"), 5000);
                p.destroy(); // SIGTERM: the shutdown hook runs, as on Ctrl-C
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.destroyForcibly();
            }
            assertThat(text(dir.resolve("stdout.txt")).lines()).hasSize(2);
            assertThat(text(dir.resolve("stderr.txt"))).contains("wrote 2 packets to " + out);
            assertThat(read(out)).hasSize(2);
            assertThat(Files.readAllBytes(out)).startsWith(0x4d, 0x3c, 0xb2, 0xa1); // .pcap: nanosecond pcap
        }
    }

    private static String text(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
