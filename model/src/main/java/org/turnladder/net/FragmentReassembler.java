package org.turnladder.net;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.turnladder.capture.FrameSpan;

/**
 * Puts IPv4 and IPv6 fragments back together, with bounded memory: at most {@link #MAX_PENDING} datagrams wait
 * at once, none grows beyond {@link #MAX_DATAGRAM} bytes, and one that is still incomplete
 * {@link #MAX_AGE_NANOS} of capture time or {@link #MAX_AGE_FRAMES} frames after its first fragment is dropped.
 * Where fragments overlap, the bytes that arrived first are kept.
 */
final class FragmentReassembler {
    static final int MAX_DATAGRAM = 65535;
    static final int MAX_PENDING = 256;
    static final long MAX_AGE_NANOS = 30_000_000_000L;
    static final long MAX_AGE_FRAMES = 100_000;

    /** A piece of the datagram: {@code length} bytes at datagram offset {@code start}, found in a frame. */
    record Piece(int start, long frame, int frameOffset, int length) {
    }

    /** A complete datagram (the IP payload after the fragment header) and where its bytes were captured. */
    record Datagram(byte[] data, int nextHeader, List<Piece> pieces) {

        /** Frame spans of datagram bytes {@code [from, from + length)}. */
        List<FrameSpan> spans(int from, int length) {
            List<FrameSpan> spans = new ArrayList<>(pieces.size());
            int to = from + length;
            for (Piece p : pieces) {
                int s = Math.max(from, p.start());
                int e = Math.min(to, p.start() + p.length());
                if (s < e) {
                    spans.add(new FrameSpan(p.frame(), p.frameOffset() + (s - p.start()), e - s));
                }
            }
            return List.copyOf(spans);
        }
    }

    private static final class Pending {
        final long firstNanos;
        final long firstFrame;
        byte[] data = new byte[2048];
        final long[] covered = new long[(MAX_DATAGRAM + 64) / 64];
        final List<Piece> pieces = new ArrayList<>();
        int total = -1;
        int nextHeader = -1;

        Pending(long firstNanos, long firstFrame) {
            this.firstNanos = firstNanos;
            this.firstFrame = firstFrame;
        }

        boolean isCovered(int i) {
            return (covered[i >>> 6] & (1L << i)) != 0;
        }

        void cover(int i) {
            covered[i >>> 6] |= 1L << i;
        }

        boolean complete() {
            if (total < 0) {
                return false;
            }
            for (int i = 0; i < total; i++) {
                if ((i & 63) == 0 && i + 64 <= total) {
                    if (covered[i >>> 6] != -1L) {
                        return false;
                    }
                    i += 63;
                } else if (!isCovered(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<ByteBuffer, Pending> pending = new LinkedHashMap<>();
    private long dropped;
    private long oversized;

    /**
     * Adds one fragment and returns the datagram when this fragment completes it, else null.
     *
     * @param key         identifies the datagram (addresses, identification, protocol)
     * @param frameData   the captured frame holding the fragment
     * @param dataOffset  where the fragment's data starts in the frame
     * @param offset      the fragment's offset in the datagram
     * @param more        the more-fragments flag
     * @param nextHeader  protocol of the datagram's first header, or -1 when this fragment does not say
     */
    Datagram add(ByteBuffer key, long frame, long nanos, byte[] frameData, int dataOffset, int dataLength,
                 int offset, boolean more, int nextHeader) {
        expire(frame, nanos);
        if (offset + dataLength > MAX_DATAGRAM) {
            oversized++;
            return null;
        }
        Pending p = pending.get(key);
        if (p == null) {
            if (pending.size() >= MAX_PENDING) {
                Iterator<Pending> eldest = pending.values().iterator();
                eldest.next();
                eldest.remove();
                dropped++;
            }
            p = new Pending(nanos, frame);
            pending.put(key, p);
        }
        if (nextHeader >= 0 && offset == 0) {
            p.nextHeader = nextHeader;
        }
        if (!more && p.total < 0) {
            p.total = offset + dataLength;
        }
        int end = offset + dataLength;
        if (end > p.data.length) {
            byte[] bigger = new byte[Math.min(MAX_DATAGRAM, Math.max(end, p.data.length * 2))];
            System.arraycopy(p.data, 0, bigger, 0, p.data.length);
            p.data = bigger;
        }
        int runStart = -1;
        for (int i = offset; i <= end; i++) {
            boolean fresh = i < end && !p.isCovered(i);
            if (fresh) {
                p.cover(i);
                p.data[i] = frameData[dataOffset + i - offset];
                if (runStart < 0) {
                    runStart = i;
                }
            } else if (runStart >= 0) {
                p.pieces.add(new Piece(runStart, frame, dataOffset + runStart - offset, i - runStart));
                runStart = -1;
            }
        }
        if (!p.complete()) {
            return null;
        }
        pending.remove(key);
        byte[] data = new byte[p.total];
        System.arraycopy(p.data, 0, data, 0, p.total);
        List<Piece> pieces = new ArrayList<>(p.pieces);
        int total = p.total;
        pieces.removeIf(piece -> piece.start() >= total);
        pieces.sort(Comparator.comparingInt(Piece::start));
        return new Datagram(data, p.nextHeader, List.copyOf(pieces));
    }

    private void expire(long frame, long nanos) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (nanos - p.firstNanos <= MAX_AGE_NANOS && frame - p.firstFrame <= MAX_AGE_FRAMES) {
                break; // insertion order: the rest are younger
            }
            it.remove();
            dropped++;
        }
    }

    int pendingCount() {
        return pending.size();
    }

    /** Datagrams given up on (too old, or pushed out by newer ones). */
    long droppedCount() {
        return dropped;
    }

    /** Fragments that would have made a datagram larger than 64 KiB. */
    long oversizedCount() {
        return oversized;
    }
}
