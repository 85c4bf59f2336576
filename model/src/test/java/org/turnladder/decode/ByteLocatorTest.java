package org.turnladder.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.capture.FrameSpan;

class ByteLocatorTest {
    // a 30-byte message: 10 bytes at offset 60 of frame 4, then 20 bytes at offset 54 of frame 6
    static final List<FrameSpan> SPANS = List.of(new FrameSpan(4, 60, 10), new FrameSpan(6, 54, 20));

    @Test
    void aFieldInsideOneSegmentMapsToOneFrameRange() {
        assertThat(ByteLocator.toFrames(SPANS, 2, 4)).containsExactly(new FrameSpan(4, 62, 4));
        assertThat(ByteLocator.toFrames(SPANS, 12, 8)).containsExactly(new FrameSpan(6, 56, 8));
    }

    @Test
    void aFieldAcrossSegmentsMapsToBothFrames() {
        assertThat(ByteLocator.toFrames(SPANS, 8, 6))
                .containsExactly(new FrameSpan(4, 68, 2), new FrameSpan(6, 54, 4));
    }

    @Test
    void frameBytesMapBackToMessageOffsets() {
        assertThat(ByteLocator.toMessage(SPANS, 6, 55)).hasValue(11);
        assertThat(ByteLocator.toMessage(SPANS, 4, 60)).hasValue(0);
        assertThat(ByteLocator.toMessage(SPANS, 4, 70)).isEmpty();
        assertThat(ByteLocator.toMessage(SPANS, 5, 60)).isEmpty();
    }

    @Test
    void theDeepestFieldHoldingAByteIsFoundWithItsParents() {
        Field type = Field.leaf("Type", "0x0019", 20, 2);
        Field attr = new Field("REQUESTED-TRANSPORT", "TCP (6)", 20, 8, List.of(type, Field.leaf("Value", "", 24, 4)));
        List<Field> fields = List.of(Field.leaf("Header", "", 0, 20), attr);
        assertThat(ByteLocator.path(fields, 21)).containsExactly(attr, type);
        assertThat(ByteLocator.path(fields, 3)).extracting(Field::name).containsExactly("Header");
        assertThat(ByteLocator.path(fields, 99)).isEmpty();
    }
}
