package org.turnladder.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.turnladder.framing.Framing;
import org.turnladder.net.Endpoint;
import org.turnladder.sip.SipMessage;
import org.turnladder.stun.ChannelDataMessage;
import org.turnladder.stun.StunAttribute;
import org.turnladder.stun.StunMessage;

/**
 * Wireshark as the oracle: wherever tshark decodes a STUN/TURN or SIP message in a test capture
 * (test-captures/golden/*.tsv, written by tshark-golden.sh), TurnLadder decodes the same message in the same frame
 * with the same type, transaction id, error code and key attributes. What TurnLadder decodes beyond tshark is only
 * what tshark cannot see: messages inside RFC 6062 data connections, inside MS-TURN framing, and (tshark 4.0) inside
 * TURN Send/Data indications and ChannelData, which follow their carrier in the same frame.
 */
class TsharkGoldenTest {

    static Stream<Path> capturesWithGolden() {
        return TestCaptures.all().stream().filter(p -> Files.exists(golden(p)));
    }

    static Path golden(Path capture) {
        String name = capture.getFileName().toString().replaceAll("\\.(pcap|pcapng)(\\.gz)?$", "");
        return TestCaptures.dir().resolve("golden").resolve(name + ".tsv");
    }

    @Test
    void everyTestCaptureHasAGoldenFile() {
        assertThat(TestCaptures.all()).isNotEmpty().allSatisfy(p -> assertThat(golden(p)).exists());
    }

    @ParameterizedTest
    @MethodSource("capturesWithGolden")
    void everyMessageTsharkDecodesIsDecodedTheSameWay(Path capture) throws IOException {
        List<Map<String, String>> rows = readTsv(golden(capture));
        Map<Long, List<DecodedMessage>> ours = byFrame(TestCaptures.decode(capture));
        SoftAssertions soft = new SoftAssertions();
        for (Map<String, String> row : rows) {
            long frame = Long.parseLong(row.get("frame"));
            List<DecodedMessage> atFrame = ours.getOrDefault(frame, List.of());
            // tshark may decode only the first of several messages in a frame (the peer's check right behind a
            // ConnectionBind success): compare as many as it shows.
            int shown = row.get("stun.count").isEmpty() ? atFrame.size()
                    : Math.min(atFrame.size(), Integer.parseInt(row.get("stun.count")));
            Map<String, String> mine = columnsOf(atFrame.subList(0, shown));
            for (String column : List.of("stun.type", "stun.id", "error_code", "connection_id", "xor_peer",
                    "xor_relayed", "xor_mapped", "lifetime", "requested_transport", "channel", "username",
                    "sip.method", "sip.status", "sip.call_id", "sip.cseq")) {
                soft.assertThat(mine.get(column))
                        .as("%s frame %d column %s", capture.getFileName(), frame, column)
                        .isEqualTo(row.getOrDefault(column, ""));
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("capturesWithGolden")
    void whatTsharkMissesIsOnlyInsideDataConnectionsOrMsTurnFraming(Path capture) throws IOException {
        Map<Long, Integer> tsharkCount = new HashMap<>();
        for (Map<String, String> row : readTsv(golden(capture))) {
            String types = row.get("stun.type");
            int n = row.get("protocols").contains("SIP") ? 1 : Math.max(1, types.isEmpty() ? 1
                    : types.split(",").length);
            tsharkCount.put(Long.parseLong(row.get("frame")), n);
        }
        Map<Long, List<DecodedMessage>> ours = byFrame(TestCaptures.decode(capture));
        for (var e : ours.entrySet()) {
            List<DecodedMessage> ms = e.getValue();
            int extra = ms.size() - tsharkCount.getOrDefault(e.getKey(), 0);
            assertThat(ms.stream().filter(m -> m.framing() == Framing.RELAYED || m.framing() == Framing.MS_TURN)
                    .count())
                    .as("%s frame %d: messages tshark does not show must be relayed or MS-TURN framed",
                            capture.getFileName(), e.getKey())
                    .isGreaterThanOrEqualTo(extra);
        }
    }

    @Test
    void checksInsideTheRfc6062DataConnectionsAreDecodedAndMatchThePeerLeg() {
        List<DecodedMessage> all = TestCaptures.decode(TestCaptures.path("coturn-rfc6062.pcapng"));
        List<DecodedMessage> relayed = all.stream().filter(m -> m.framing() == Framing.RELAYED).toList();
        List<DecodedMessage> peerLeg = all.stream().filter(m -> m.framing() == Framing.RFC4571).toList();
        // both data connections (active Connect and passive ConnectionAttempt), checks in both directions
        assertThat(relayed.stream().map(DecodedMessage::connection).distinct()).hasSize(2);
        assertThat(relayed).extracting(m -> ((StunMessage) m.payload()).typeHex())
                .contains("0x0001", "0x0101");
        Endpoint turnServer = Endpoint.parse("127.0.0.2:3478");
        assertThat(relayed).anySatisfy(m -> assertThat(m.src()).isEqualTo(turnServer));
        assertThat(relayed).anySatisfy(m -> assertThat(m.dst()).isEqualTo(turnServer));
        // each check crossed the relay: the same transaction shows on the relay ⇄ peer leg that tshark decodes
        for (DecodedMessage m : relayed) {
            StunMessage s = (StunMessage) m.payload();
            assertThat(peerLeg).as("peer-leg twin of %s %s", s.typeHex(), s.transactionId()).anySatisfy(p -> {
                StunMessage t = (StunMessage) p.payload();
                assertThat(t.transactionId()).isEqualTo(s.transactionId());
                assertThat(t.type()).isEqualTo(s.type());
            });
        }
    }

    @Test
    void checksInsideTurnCarriersAreTheChecksTsharkDecodesBetweenTheTwoRelayedAddresses() throws IOException {
        Path capture = TestCaptures.path("libnice-turn-udp.pcap");
        java.util.Set<String> tshark = new java.util.HashSet<>();
        for (Map<String, String> row : readTsv(golden(capture))) {
            String[] types = row.get("stun.type").split(",");
            String[] ids = row.get("stun.id").split(",");
            for (int i = 0; i < Math.min(types.length, ids.length); i++) {
                tshark.add(types[i] + " " + ids[i]);
            }
        }
        List<DecodedMessage> inner = TestCaptures.decode(capture).stream()
                .filter(m -> m.framing() == Framing.RELAYED).toList();
        assertThat(inner).hasSize(24);
        // each inner check crossed the relay ⇄ relay leg too, where tshark decodes it: same type and transaction id
        for (DecodedMessage m : inner) {
            StunMessage s = (StunMessage) m.payload();
            assertThat(tshark).as("frame %d", m.frame()).contains(s.typeHex() + " " + s.transactionId());
        }
    }

    private static Map<Long, List<DecodedMessage>> byFrame(List<DecodedMessage> messages) {
        Map<Long, List<DecodedMessage>> m = new LinkedHashMap<>();
        for (DecodedMessage d : messages) {
            m.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
        }
        return m;
    }

    /** Our messages of one frame, flattened into tshark-golden.sh's columns. */
    private static Map<String, String> columnsOf(List<DecodedMessage> messages) {
        Map<String, List<String>> c = new HashMap<>();
        for (DecodedMessage d : messages) {
            if (d.payload() instanceof StunMessage s) {
                add(c, "stun.type", s.typeHex());
                add(c, "stun.id", s.transactionId());
                if (s.errorCode() != null) {
                    add(c, "error_code", s.errorCode().toString());
                }
                s.connectionId().ifPresent(id -> add(c, "connection_id", String.format("%08x", id)));
                s.username().ifPresent(u -> add(c, "username", u));
                for (StunAttribute a : s.attributes()) {
                    switch (a.type()) {
                        case 0x0012 -> add(c, "xor_peer", tsharkAddress(a.decoded()));
                        case 0x0016 -> add(c, "xor_relayed", tsharkAddress(a.decoded()));
                        case 0x0020 -> add(c, "xor_mapped", tsharkAddress(a.decoded()));
                        case 0x000D -> add(c, "lifetime", String.valueOf(a.decoded()));
                        case 0x0019 -> add(c, "requested_transport", String.valueOf(a.decoded()));
                        case 0x000C -> add(c, "channel", String.format("0x%04x", (Integer) a.decoded()));
                        default -> {
                        }
                    }
                }
            } else if (d.payload() instanceof ChannelDataMessage cd) {
                add(c, "channel", String.format("0x%04x", cd.channel()));
            } else if (d.payload() instanceof SipMessage sip) {
                if (sip.isRequest()) {
                    add(c, "sip.method", sip.method());
                } else {
                    add(c, "sip.status", String.valueOf(sip.statusCode()));
                }
                add(c, "sip.call_id", sip.callId());
                add(c, "sip.cseq", sip.cseqNumber() + " " + sip.cseqMethod());
            }
        }
        Map<String, String> flat = new HashMap<>();
        c.forEach((k, v) -> flat.put(k, String.join(",", v)));
        return new java.util.AbstractMap<>() {
            @Override
            public java.util.Set<Entry<String, String>> entrySet() {
                return flat.entrySet();
            }

            @Override
            public String get(Object key) {
                return flat.getOrDefault(key, "");
            }
        };
    }

    /** tshark writes IPv6 addresses and ports as {@code 2001:db8::1:3478}, without brackets. */
    private static String tsharkAddress(Object decoded) {
        return decoded instanceof Endpoint e ? e.host() + ":" + e.port() : String.valueOf(decoded);
    }

    private static void add(Map<String, List<String>> c, String column, String value) {
        c.computeIfAbsent(column, k -> new ArrayList<>()).add(value);
    }

    static List<Map<String, String>> readTsv(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
