package org.turnladder.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadSourceTest {

    /** Frames 1..n, then an error if asked for one. */
    static final class Counting implements PacketSource {
        final int n;
        final IOException failAtEnd;
        int read;
        boolean closed;

        Counting(int n, IOException failAtEnd) {
            this.n = n;
            this.failAtEnd = failAtEnd;
        }

        @Override
        public RawPacket next() throws IOException {
            if (read == n) {
                if (failAtEnd != null) {
                    throw failAtEnd;
                }
                return null;
            }
            read++;
            return new RawPacket(read, read * 1000L, 1, 3, new byte[] {(byte) read, 2, 3});
        }

        @Override
        public List<String> warnings() {
            return read == n ? List.of("capture is truncated") : List.of();
        }

        @Override
        public long position() {
            return read * 19L;
        }

        @Override
        public long size() {
            return n * 19L;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void everyFrameComesThroughInOrderAcrossBatches() throws IOException {
        int n = ReadAheadSource.BATCH * 3 + 7;
        List<Long> frames = new ArrayList<>();
        try (var s = new ReadAheadSource(new Counting(n, null))) {
            RawPacket p;
            while ((p = s.next()) != null) {
                frames.add(p.frame());
            }
            assertThat(s.next()).isNull();
            assertThat(s.warnings()).containsExactly("capture is truncated");
            assertThat(s.position()).isEqualTo(n * 19L);
        }
        assertThat(frames).hasSize(n).isSorted().startsWith(1L).endsWith((long) n);
    }

    @Test
    void aReadErrorArrivesAfterTheFramesBeforeIt() throws IOException {
        try (var s = new ReadAheadSource(new Counting(5, new IOException("disk gone")))) {
            for (int i = 0; i < 5; i++) {
                assertThat(s.next()).isNotNull();
            }
            assertThatThrownBy(s::next).isInstanceOf(IOException.class).hasMessage("disk gone");
        }
    }

    @Test
    void closingEarlyStopsTheReaderAndClosesTheFile() throws IOException {
        Counting in = new Counting(1_000_000, null);
        var s = new ReadAheadSource(in);
        assertThat(s.next()).isNotNull();
        s.close();
        assertThat(in.closed).isTrue();
        assertThat(in.read).isLessThan(1_000_000);
    }
}
