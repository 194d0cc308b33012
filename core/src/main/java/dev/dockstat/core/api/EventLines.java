package dev.dockstat.core.api;

import dev.dockstat.core.spi.TransportResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an open {@code /events} response, one JSON object each, exactly as the engine sent
 * them. A line longer than {@link #MAX_LINE} is skipped (counted in {@link #oversized()}), never
 * buffered whole. {@link #close()} may be called from another thread to end a blocked read.
 */
public final class EventLines implements Closeable {

    /** Longest event line passed on (PROTOCOL.md: 1 MiB). */
    public static final int MAX_LINE = 1024 * 1024;

    private final TransportResponse response;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long oversized;

    EventLines(TransportResponse response) {
        this.response = response;
        this.in = response.body();
    }

    /** The next non-empty line without its newline, or null at the end of the response. */
    public byte[] next() throws IOException {
        while (true) {
            LineBuilder line = new LineBuilder();
            int end = readLine(line);
            if (end < 0 && line.size == 0) {
                return null;
            }
            if (line.overflowed) {
                oversized++;
                continue;
            }
            if (line.size > 0) {
                return line.bytes();
            }
            if (end < 0) {
                return null;
            }
        }
    }

    /** Lines skipped for being longer than {@link #MAX_LINE}. */
    public long oversized() {
        return oversized;
    }

    /** Appends bytes to {@code line} up to the next newline; returns -1 at end of stream. */
    private int readLine(LineBuilder line) throws IOException {
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            line.append(buffer, start, pos - start);
            if (pos < limit) {
                pos++; // the newline
                return 1;
            }
        }
    }

    private static final class LineBuilder {
        private byte[] data = new byte[512];
        private int size;
        private boolean overflowed;

        void append(byte[] src, int off, int len) {
            if (overflowed || len == 0) {
                return;
            }
            if (size + len > MAX_LINE) {
                overflowed = true;
                data = null;
                return;
            }
            if (size + len > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + len));
            }
            System.arraycopy(src, off, data, size, len);
            size += len;
        }

        byte[] bytes() {
            int end = size;
            if (end > 0 && data[end - 1] == '\r') {
                end--;
            }
            return Arrays.copyOf(data, end);
        }
    }

    @Override
    public void close() {
        response.close();
    }
}
