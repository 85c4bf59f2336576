package org.turnladder.views.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a PNG (8-bit RGB) row strip by row strip, so an image of any height is written with memory for one strip:
 * the rows go through one deflate stream cut into IDAT chunks as it fills. Each row is filtered with Sub or Up,
 * whichever leaves smaller differences (the usual PNG heuristic): Sub zeroes the flat runs along a row, Up the
 * lifelines and backgrounds that repeat from the row above, so a ladder deflates to little.
 */
public final class StreamingPngWriter implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int CHUNK = 1 << 16;

    private final OutputStream out;
    private final int width;
    private final int height;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final DeflaterOutputStream zip;
    private final byte[] sub;
    private final byte[] up;
    private byte[] raw;
    private byte[] prior;
    private int rowsWritten;
    private boolean closed;

    /** Writes the signature and header; {@code out} is not closed by {@link #close()}. */
    public StreamingPngWriter(OutputStream out, int width, int height, String title) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image " + width + "×" + height);
        }
        this.out = out;
        this.width = width;
        this.height = height;
        this.sub = new byte[1 + 3 * width];
        this.up = new byte[1 + 3 * width];
        this.raw = new byte[3 * width];
        this.prior = new byte[3 * width]; // the row above the first is zeros (PNG spec)
        out.write(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream(13);
        int32(ihdr, width);
        int32(ihdr, height);
        ihdr.write(8); // bit depth
        ihdr.write(2); // colour type: RGB
        ihdr.write(0); // deflate
        ihdr.write(0); // adaptive filtering
        ihdr.write(0); // no interlace
        chunk("IHDR", ihdr.toByteArray(), ihdr.size());
        if (title != null && !title.isEmpty()) {
            byte[] text = ("Title\u0000" + title).getBytes(StandardCharsets.ISO_8859_1);
            chunk("tEXt", text, text.length);
        }
        this.zip = new DeflaterOutputStream(new IdatStream(), deflater, CHUNK);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Appends {@code rows} rows of ARGB pixels (alpha ignored) from {@code argb}, row {@code r} starting at
     * {@code offset + r * stride}.
     */
    public void writeRows(int[] argb, int offset, int stride, int rows) throws IOException {
        if (rowsWritten + rows > height) {
            throw new IllegalStateException("more rows than the image height " + height);
        }
        for (int r = 0; r < rows; r++) {
            int base = offset + r * stride;
            for (int x = 0, p = 0; x < width; x++) {
                int px = argb[base + x];
                raw[p++] = (byte) (px >> 16);
                raw[p++] = (byte) (px >> 8);
                raw[p++] = (byte) px;
            }
            zip.write(filtered());
            byte[] t = prior;
            prior = raw;
            raw = t;
        }
        rowsWritten += rows;
    }

    /** The current row filtered with Sub or Up, with its filter-type byte first. */
    private byte[] filtered() {
        int n = raw.length;
        long costSub = 0;
        long costUp = 0;
        sub[0] = 1;
        up[0] = 2;
        for (int i = 0; i < n; i++) {
            byte s = (byte) (raw[i] - (i >= 3 ? raw[i - 3] : 0));
            byte u = (byte) (raw[i] - prior[i]);
            sub[i + 1] = s;
            up[i + 1] = u;
            costSub += Math.abs(s);
            costUp += Math.abs(u);
        }
        return costUp < costSub ? up : sub;
    }

    /** Ends the image; fails if fewer rows than the height were written. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (rowsWritten != height) {
                throw new IllegalStateException(rowsWritten + " rows written of " + height);
            }
            zip.finish();
            zip.flush();
            chunk("IEND", new byte[0], 0);
            out.flush();
        } finally {
            deflater.end();
        }
    }

    private void chunk(String type, byte[] data, int len) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        int32(out, len);
        out.write(t);
        out.write(data, 0, len);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        int32(out, (int) crc.getValue());
    }

    private static void int32(OutputStream o, int v) throws IOException {
        o.write(v >>> 24);
        o.write(v >>> 16);
        o.write(v >>> 8);
        o.write(v);
    }

    /** Collects compressed bytes and emits them as IDAT chunks of at most {@link #CHUNK} bytes. */
    private final class IdatStream extends OutputStream {
        private final byte[] buf = new byte[CHUNK];
        private int n;

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) {
                    flush();
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        @Override
        public void flush() throws IOException {
            if (n > 0) {
                chunk("IDAT", buf, n);
                n = 0;
            }
        }
    }
}
