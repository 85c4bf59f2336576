package org.turnladder.stun;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.turnladder.decode.Field;

/**
 * Fuzz targets: arbitrary bytes never make the STUN or ChannelData decoders throw, and every field they report
 * lies inside the message. In a normal test run the seeds in {@code StunFuzzTestInputs/<method>/} are replayed;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class StunFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void stunDecoder(byte[] data) {
        StunMessage m = StunDecoder.decode(data, 0, data.length);
        FieldBounds.assertInside(m.fields(), data.length);
        for (StunAttribute a : m.attributes()) {
            check(a.offset() >= 20 && a.offset() + a.length() <= data.length, "attribute outside the message");
        }
        check(m.summary() != null && m.transactionId() != null, "summary and transaction id");
        m.mappedAddress();
        m.relayedAddress();
        m.xorPeerAddress();
        m.realm();
        m.nonce();
        m.msIce2();
        StunIntegrity.verifyShortTerm(data, "password");
    }

    @FuzzTest(maxDuration = "30s")
    void stunProbe(byte[] data) {
        for (int off = 0; off < Math.min(data.length, 8); off++) {
            int avail = data.length - off;
            int len = StunProbe.messageLength(data, off, avail, (data.length & 1) == 0);
            check(len == -1 || len == 0 || len >= 20, "messageLength " + len);
            if (StunProbe.isStun(data, off, avail)) {
                StunMessage m = StunDecoder.decode(data, off, avail);
                check(m.attributes().stream().allMatch(a -> a.offset() + a.length() <= avail), "strict STUN walk");
                check(StunProbe.messageLength(data, off, avail, true) == avail, "isStun but messageLength differs");
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void channelData(byte[] data) {
        for (boolean stream : new boolean[]{true, false}) {
            int len = ChannelDataDecoder.messageLength(data, 0, data.length, stream);
            check(len == -1 || len == 0 || len >= 4, "messageLength " + len);
            ChannelDataMessage c = ChannelDataDecoder.decode(data, 0, data.length, stream);
            FieldBounds.assertInside(c.fields(), data.length);
            check(c.summary() != null, "summary");
            for (Field f : c.fields()) {
                check(f.offset() >= 0, "negative offset");
            }
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
