package org.turnladder.net;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.turnladder.capture.FrameSpan;
import org.turnladder.capture.RawPacket;

/** Any frames of any supported link type: the dissector never throws and every span it reports lies in a frame. */
class PacketDissectorFuzzTest {
    private static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2,
        LinkType.RAW, LinkType.NULL, LinkType.LOOP, LinkType.IPV4, LinkType.IPV6, 999};

    @FuzzTest(maxDuration = "30s")
    void anyFramesDissectWithoutCrashing(FuzzedDataProvider data) {
        PacketDissector dissector = new PacketDissector();
        int[] lengths = new int[64];
        for (int frame = 1; frame <= 64 && data.remainingBytes() > 0; frame++) {
            int linkType = LINK_TYPES[data.consumeInt(0, LINK_TYPES.length - 1)];
            byte[] bytes = data.consumeBytes(data.consumeInt(0, 1600));
            lengths[frame - 1] = bytes.length;
            TransportPacket p = dissector.dissect(new RawPacket(frame, frame * 1000L, linkType, bytes.length, bytes));
            if (p == null) {
                continue;
            }
            if (p.payloadOffset() < 0 || p.payloadOffset() + p.payloadLength() > p.payload().length) {
                throw new AssertionError("payload view outside its array");
            }
            int spanned = 0;
            for (FrameSpan s : p.payloadSpans()) {
                if (s.frame() < 1 || s.frame() > frame || s.frameOffset() < 0
                        || s.frameOffset() + s.length() > lengths[(int) s.frame() - 1]) {
                    throw new AssertionError("span outside its frame: " + s);
                }
                spanned += s.length();
            }
            if (spanned != p.payloadLength()) {
                throw new AssertionError("spans cover " + spanned + " of " + p.payloadLength() + " bytes");
            }
        }
        dissector.warnings();
    }
}
