package dev.dockstat.exporter;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip answer (RFC 1952, one member) put together from parts deflated separately and ahead of
 * time, so that a scrape compresses nothing that has not changed. Each part is a run of raw
 * deflate blocks ending with a sync flush (byte-aligned, not final), and such runs may follow one
 * another in one stream: a part just refers to nothing before it. The stream ends with an empty
 * final block; the trailer's CRC-32 and length are computed over the parts' plain bytes at the
 * scrape (a checksum runs at gigabytes a second, deflate at tens of megabytes).
 */
final class GzipBody {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}; // deflate, no name, no time, OS unknown
    /** An empty final block with fixed codes: BFINAL 1, BTYPE 01, end-of-block, padded. */
    private static final byte[] LAST_BLOCK = {3, 0};

    private final List<byte[]> parts = new ArrayList<>();
    private final CRC32 crc = new CRC32();
    private long plainLength;

    GzipBody() {
        parts.add(HEADER);
    }

    /** Adds one part: its plain bytes (for the trailer) and the same bytes as {@link #deflate} made them. */
    void add(byte[] plain, byte[] deflated) {
        crc.update(plain);
        plainLength += plain.length;
        parts.add(deflated);
    }

    /** The parts to send, in order: header, deflated parts, final block and trailer. */
    List<byte[]> finish() {
        long sum = crc.getValue();
        parts.add(LAST_BLOCK);
        parts.add(new byte[] {(byte) sum, (byte) (sum >>> 8), (byte) (sum >>> 16), (byte) (sum >>> 24),
            (byte) plainLength, (byte) (plainLength >>> 8), (byte) (plainLength >>> 16), (byte) (plainLength >>> 24)});
        return parts;
    }

    /** Raw deflate blocks of {@code plain}, ending with a sync flush, to be placed anywhere in a stream. */
    static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
            byte[] buffer = new byte[Math.max(256, Math.min(plain.length, 16 * 1024))];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length); // a full buffer may hide more output (Deflater's contract for flushes)
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
