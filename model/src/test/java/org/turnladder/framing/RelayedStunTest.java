package org.turnladder.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.ice.IceCarrier;
import org.turnladder.analysis.ice.IcePair;
import org.turnladder.analysis.ice.IceTracker;
import org.turnladder.capture.FrameSpan;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.SyntheticCaptures.Frames;
import org.turnladder.decode.SyntheticCaptures.Tcp;
import org.turnladder.net.Endpoint;
import org.turnladder.net.TestFrames;
import org.turnladder.net.Transport;
import org.turnladder.stun.ChannelDataMessage;
import org.turnladder.stun.Dialect;
import org.turnladder.stun.StunDecoder;
import org.turnladder.stun.StunMessage;

/**
 * Edge cases of STUN inside TURN carriers, on hand-built frames: MS-TURN's Send request and Data Indication, a
 * truncated or non-STUN payload, ChannelData without its ChannelBind, ChannelData inside a TCP stream, and checks
 * that go out in Send indications and never come back.
 */
class RelayedStunTest {
    static final int LINKTYPE_RAW = 101;
    static final Endpoint CLIENT = Endpoint.parse("10.0.0.5:50000");
    static final Endpoint SERVER = Endpoint.parse("10.0.0.2:3478");
    static final Endpoint PEER = Endpoint.parse("192.0.2.9:61000");
    static final int SEND_INDICATION = 0x0016, DATA_INDICATION = 0x0017, CHANNEL_BIND_REQUEST = 0x0009,
            CHANNEL_BIND_SUCCESS = 0x0109, XOR_PEER = 0x0012, DATA = 0x0013, CHANNEL_NUMBER = 0x000C;

    private final Frames frames = new Frames(LINKTYPE_RAW, ip -> ip);

    private void udp(Endpoint src, Endpoint dst, byte[] payload) {
        frames.add(TestFrames.ipv4(src.host(), dst.host(), 17, TestFrames.udp(src.port(), dst.port(), payload)));
    }

    private List<DecodedMessage> decode() {
        List<DecodedMessage> out = new ArrayList<>();
        DecodeEngine engine = new DecodeEngine(out::add);
        frames.packets.forEach(engine::accept);
        engine.finish();
        return out;
    }

    private static List<IcePair> matrix(List<DecodedMessage> messages) {
        IceTracker t = new IceTracker();
        messages.forEach(t::message);
        return t.pairs();
    }

    /** An ICE check from the client (ufrag "cli") to the peer ("peer"); seed = transaction id. */
    static byte[] check(int seed) {
        return request(seed, "peer", "cli", true);
    }

    static byte[] request(int seed, String receiverUfrag, String senderUfrag, boolean controlling) {
        return TestStun.of(TestStun.BINDING_REQUEST, seed).username(receiverUfrag + ":" + senderUfrag)
                .u32(0x0024, 0x6e7f00ff).attr(controlling ? 0x802A : 0x8029, new byte[8]).integrity().build();
    }

    static byte[] success(int seed) {
        return TestStun.of(TestStun.BINDING_SUCCESS, seed).address(0x0020, CLIENT, true).integrity().build();
    }

    static byte[] send(int seed, Endpoint peer, byte[] data) {
        return TestStun.of(SEND_INDICATION, seed).address(XOR_PEER, peer, true).attr(DATA, data).build();
    }

    static byte[] dataIndication(int seed, Endpoint peer, byte[] data) {
        return TestStun.of(DATA_INDICATION, seed).address(XOR_PEER, peer, true).attr(DATA, data).build();
    }

    static byte[] channelData(int channel, byte[] data) {
        int pad = (4 - data.length % 4) % 4;
        return ByteBuffer.allocate(4 + data.length + pad).putShort((short) channel).putShort((short) data.length)
                .put(data).array();
    }

    private void channelBind(int seed, int channel) {
        udp(CLIENT, SERVER, TestStun.of(CHANNEL_BIND_REQUEST, seed).u32(CHANNEL_NUMBER, (long) channel << 16)
                .address(XOR_PEER, PEER, true).integrity().build());
        udp(SERVER, CLIENT, TestStun.of(CHANNEL_BIND_SUCCESS, seed).build());
    }

    @Test
    void aCheckInASendIndicationGoesFromTheClientToTheXorPeerAddressWithSpansOnItsBytes() {
        byte[] inner = check(1);
        byte[] carrier = send(2, PEER, inner);
        udp(CLIENT, SERVER, carrier);
        List<DecodedMessage> ms = decode();

        assertThat(ms).hasSize(2);
        DecodedMessage out = ms.get(0);
        DecodedMessage in = ms.get(1);
        assertThat(out.framing()).isEqualTo(Framing.DATAGRAM);
        assertThat(in.framing()).isEqualTo(Framing.RELAYED);
        assertThat(in.transport()).isEqualTo(Transport.UDP);
        assertThat(in.src()).isEqualTo(CLIENT);
        assertThat(in.dst()).isEqualTo(PEER);
        assertThat(in.frame()).isEqualTo(out.frame());
        assertThat(((StunMessage) in.payload()).typeHex()).isEqualTo("0x0001");
        // header 20 + XOR-PEER-ADDRESS 12 + DATA header 4 = the inner message's first byte in the carrier
        FrameSpan o = out.spans().get(0);
        assertThat(in.spans()).containsExactly(new FrameSpan(o.frame(), o.frameOffset() + 36, inner.length));
    }

    @Test
    void aCheckInADataIndicationGoesFromTheXorPeerAddressToTheClient() {
        udp(SERVER, CLIENT, dataIndication(3, PEER, check(4)));
        DecodedMessage in = decode().get(1);

        assertThat(in.src()).isEqualTo(PEER);
        assertThat(in.dst()).isEqualTo(CLIENT);
    }

    @Test
    void msTurnDataIndication0115WithAPlainRemoteAddressCarriesACheckFromThePeer() {
        byte[] inner = check(5);
        udp(SERVER, CLIENT, TestStun.of(0x0115, 6).noCookie().msTurn().address(0x0012, PEER, false)
                .attr(DATA, inner).build());
        List<DecodedMessage> ms = decode();

        assertThat(ms).hasSize(2);
        assertThat(((StunMessage) ms.get(0).payload()).dialect()).isEqualTo(Dialect.MS_TURN);
        DecodedMessage in = ms.get(1);
        assertThat(in.framing()).isEqualTo(Framing.RELAYED);
        assertThat(in.src()).isEqualTo(PEER);
        assertThat(in.dst()).isEqualTo(CLIENT);
        assertThat(((StunMessage) in.payload()).transactionId()).isEqualTo(StunDecoder.decode(inner, 0, inner.length).transactionId());
    }

    @Test
    void msTurnSendRequest0004WithDestinationAddressCarriesACheckToThePeer() {
        udp(CLIENT, SERVER, TestStun.of(0x0004, 7).noCookie().msTurn().address(0x0011, PEER, false)
                .attr(DATA, check(8)).build());
        List<DecodedMessage> ms = decode();

        assertThat(ms).hasSize(2);
        assertThat(ms.get(1).src()).isEqualTo(CLIENT);
        assertThat(ms.get(1).dst()).isEqualTo(PEER);
    }

    @Test
    void aTruncatedInnerMessageStaysOpaqueAndTheCarrierSaysSo() {
        byte[] whole = check(9);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 8);
        udp(CLIENT, SERVER, send(10, PEER, cut));
        List<DecodedMessage> ms = decode();

        assertThat(ms).hasSize(1);
        assertThat(ms.get(0).warnings()).singleElement().asString()
                .contains("holds a STUN message of " + whole.length + " bytes by its header, but " + cut.length)
                .contains("left undecoded");
    }

    @Test
    void aShortStunLikeFragmentIsReportedAndNotDecoded() {
        udp(CLIENT, SERVER, send(11, PEER, java.util.Arrays.copyOf(check(12), 12)));
        List<DecodedMessage> ms = decode();

        assertThat(ms).hasSize(1);
        assertThat(ms.get(0).warnings()).singleElement().asString().contains("only 12 bytes");
    }

    @Test
    void nonStunDataStaysOpaqueWithoutAWarning() {
        udp(CLIENT, SERVER, send(13, PEER, TestStun.rtp(60, 1)));
        udp(CLIENT, SERVER, send(14, PEER, new byte[] {0x00, 0x01, 0x02})); // first byte 0, but no STUN
        List<DecodedMessage> ms = decode();

        assertThat(ms).hasSize(2).allSatisfy(m -> {
            assertThat(m.framing()).isEqualTo(Framing.DATAGRAM);
            assertThat(m.warnings()).isEmpty();
        });
    }

    @Test
    void channelDataChecksTakeThePeerOfTheChannelBindSeenOnThat5Tuple() {
        channelBind(15, 0x4001);
        udp(CLIENT, SERVER, channelData(0x4001, check(16)));
        udp(SERVER, CLIENT, channelData(0x4001, success(16)));
        List<DecodedMessage> ms = decode();

        List<DecodedMessage> inner = ms.stream().filter(m -> m.framing() == Framing.RELAYED).toList();
        assertThat(inner).hasSize(2);
        assertThat(inner.get(0).src()).isEqualTo(CLIENT);
        assertThat(inner.get(0).dst()).isEqualTo(PEER);
        assertThat(inner.get(1).src()).isEqualTo(PEER);
        assertThat(inner.get(1).dst()).isEqualTo(CLIENT);
        assertThat(inner).allSatisfy(m -> assertThat(m.warnings()).isEmpty());
        // the ChannelData itself stays as it was, right before its check
        assertThat(ms.get(ms.indexOf(inner.get(0)) - 1).payload()).isInstanceOf(ChannelDataMessage.class);
    }

    @Test
    void channelDataOfAnotherChannelOrWithoutASeenBindKeepsTheOuterAddressesAndWarns() {
        channelBind(17, 0x4001);
        udp(CLIENT, SERVER, channelData(0x4002, check(18)));
        DecodedMessage in = decode().stream().filter(m -> m.framing() == Framing.RELAYED).findFirst().orElseThrow();

        assertThat(in.src()).isEqualTo(CLIENT);
        assertThat(in.dst()).isEqualTo(SERVER);
        assertThat(in.warnings()).singleElement().asString().contains("channel 0x4002 has no ChannelBind");
    }

    @Test
    void aChannelBindThatFailedBindsNothing() {
        udp(CLIENT, SERVER, TestStun.of(CHANNEL_BIND_REQUEST, 19).u32(CHANNEL_NUMBER, 0x4001L << 16)
                .address(XOR_PEER, PEER, true).integrity().build());
        udp(SERVER, CLIENT, TestStun.of(0x0119, 19).errorCode(403, "Forbidden").build());
        udp(CLIENT, SERVER, channelData(0x4001, check(20)));
        DecodedMessage in = decode().stream().filter(m -> m.framing() == Framing.RELAYED).findFirst().orElseThrow();

        assertThat(in.dst()).isEqualTo(SERVER);
        assertThat(in.warnings()).isNotEmpty();
    }

    @Test
    void channelDataInsideATcpStreamToTheTurnServerIsDecodedAndCountedAsATurnRelayedCheck() {
        var tcp = new Tcp(frames, CLIENT, SERVER);
        tcp.client(TestStun.of(CHANNEL_BIND_REQUEST, 21).u32(CHANNEL_NUMBER, 0x4001L << 16)
                .address(XOR_PEER, PEER, true).integrity().build());
        tcp.server(TestStun.of(CHANNEL_BIND_SUCCESS, 21).build());
        tcp.client(channelData(0x4001, check(22)));
        tcp.server(channelData(0x4001, success(22)));
        List<DecodedMessage> ms = decode();

        List<DecodedMessage> inner = ms.stream().filter(m -> m.framing() == Framing.RELAYED).toList();
        assertThat(inner).hasSize(2).allSatisfy(m -> {
            assertThat(m.transport()).isEqualTo(Transport.TCP);
            assertThat(m.connection()).isGreaterThanOrEqualTo(0);
        });
        assertThat(inner.get(0).dst()).isEqualTo(PEER);
        List<IcePair> pairs = matrix(ms);
        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.carrier().kind()).isEqualTo(IceCarrier.Kind.TURN_RELAY);
            assertThat(p.a().endpoint()).isEqualTo(CLIENT);
            assertThat(p.b().endpoint()).isEqualTo(PEER);
            assertThat(p.ab().requests()).isEqualTo(1);
            assertThat(p.ab().successes()).isEqualTo(1);
        });
    }

    @Test
    void checksSentInSendIndicationsThatNeverComeBackAreOneWayInTheMatrix() {
        // the client's checks go out, the peer's come in and are answered; the client's get no answer
        udp(CLIENT, SERVER, send(23, PEER, check(24)));
        udp(SERVER, CLIENT, dataIndication(25, PEER, request(26, "cli", "peer", false)));
        udp(CLIENT, SERVER, send(27, PEER, success(26)));
        udp(CLIENT, SERVER, send(28, PEER, check(31)));
        List<DecodedMessage> ms = decode();

        List<IcePair> pairs = matrix(ms);
        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.carrier().kind()).isEqualTo(IceCarrier.Kind.TURN_RELAY);
            assertThat(p.ab().requests()).isEqualTo(2); // the Send indications are not counted, only their checks
            assertThat(p.ab().successes()).isZero();
            assertThat(p.ba().requests()).isEqualTo(1);
            assertThat(p.ba().successes()).isEqualTo(1);
            assertThat(p.works()).isFalse();
        });
        IceTracker t = new IceTracker();
        ms.forEach(t::message);
        assertThat(t.findings(frames.packets.get(frames.packets.size() - 1).epochNanos() + 60_000_000_000L, true))
                .extracting(f -> f.id()).contains(IceTracker.ONE_WAY);
    }

    @Test
    void aCarrierIsNeverTrackedAsACheckOfItsOwn() {
        udp(CLIENT, SERVER, send(29, PEER, check(30)));
        List<IcePair> pairs = matrix(decode());

        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.ab().requests() + p.ba().requests()).isEqualTo(1);
            assertThat(p.a().endpoint()).isEqualTo(CLIENT);
        });
    }

    @Test
    void mangledRelayedDataNeverThrowsAndIsDecodedOnlyWhenItIsWholeStun() {
        java.util.Random r = new java.util.Random(7983);
        channelBind(40, 0x4001);
        for (int i = 0; i < 1500; i++) {
            byte[] data = check(41 + i % 50);
            int cut = r.nextInt(4) == 0 ? r.nextInt(data.length) : data.length;
            data = java.util.Arrays.copyOf(data, Math.max(1, cut));
            for (int flips = r.nextInt(3); flips > 0; flips--) {
                data[r.nextInt(data.length)] = (byte) r.nextInt(256);
            }
            switch (i % 3) {
                case 0 -> udp(CLIENT, SERVER, send(i, PEER, data));
                case 1 -> udp(SERVER, CLIENT, dataIndication(i, PEER, data));
                default -> udp(CLIENT, SERVER, channelData(0x4001, data));
            }
        }
        List<DecodedMessage> ms = decode();

        assertThat(ms.stream().filter(m -> m.framing() != Framing.RELAYED)).hasSize(1502);
        for (DecodedMessage m : ms) {
            if (m.framing() == Framing.RELAYED) {
                StunMessage s = (StunMessage) m.payload();
                assertThat(m.spans()).singleElement().satisfies(span -> assertThat(span.length()).isEqualTo(s.length()));
            }
        }
    }

    @Test
    void udpChannelDataIsRecognisedWithOrWithoutItsOptionalPadding() {
        channelBind(60, 0x4001);
        byte[] data = {(byte) 0x80, 0x7F, 0, 1, 2};
        udp(CLIENT, SERVER, channelData(0x4001, data)); // padded to 12
        udp(CLIENT, SERVER, java.util.Arrays.copyOf(channelData(0x4001, data), 4 + data.length)); // not padded
        List<DecodedMessage> ms = decode();

        assertThat(ms.subList(2, ms.size())).hasSize(2).allSatisfy(m -> {
            assertThat(m.payload()).isInstanceOfSatisfying(ChannelDataMessage.class,
                    cd -> assertThat(cd.dataLength()).isEqualTo(5));
            assertThat(m.allWarnings()).isEmpty();
        });
    }
}
