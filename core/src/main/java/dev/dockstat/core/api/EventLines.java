package dev.dockstat.core.api;

import dev.dockstat.core.io.BoundedLineReader;
import dev.dockstat.core.spi.TransportResponse;
import java.io.Closeable;
import java.io.IOException;

/**
 * The lines of an open {@code /events} response, one JSON object each, exactly as the engine sent
 * them. A line longer than {@link #MAX_LINE} is skipped (counted in {@link #oversized()}), never
 * buffered whole. {@link #close()} may be called from another thread to end a blocked read.
 */
public final class EventLines implements Closeable {

    /** Longest event line passed on (docs/serve-ipc.md: 1 MiB). */
    public static final int MAX_LINE = 1024 * 1024;

    private final TransportResponse response;
    private final BoundedLineReader lines;
    private final long untilNanos;

    EventLines(TransportResponse response) {
        this(response, Long.MAX_VALUE);
    }

    /**
     * @param untilNanos events after this (unix ns, their {@code timeNano}) are left out: the engine
     *     was asked for a later end than the caller's (see {@link EngineFlavour#events})
     */
    EventLines(TransportResponse response, long untilNanos) {
        this.response = response;
        this.lines = new BoundedLineReader(response.body(), MAX_LINE);
        this.untilNanos = untilNanos;
    }

    /** The next non-empty line without its newline, or null at the end of the response. */
    public byte[] next() throws IOException {
        while (lines.advance()) {
            byte[] line = lines.copy();
            if (untilNanos == Long.MAX_VALUE || timeNano(line) <= untilNanos) {
                return line;
            }
        }
        return null;
    }

    private static final byte[] TIME_NANO = "\"timeNano\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The line's {@code "timeNano":N} (both engines write it, unquoted); 0 when it has none, so it is kept. */
    static long timeNano(byte[] line) {
        outer:
        for (int i = 0; i + TIME_NANO.length < line.length; i++) {
            for (int j = 0; j < TIME_NANO.length; j++) {
                if (line[i + j] != TIME_NANO[j]) {
                    continue outer;
                }
            }
            long v = 0;
            for (int k = i + TIME_NANO.length; k < line.length && line[k] >= '0' && line[k] <= '9'; k++) {
                v = v * 10 + (line[k] - '0');
            }
            return v;
        }
        return 0;
    }

    /** Lines skipped for being longer than {@link #MAX_LINE}. */
    public long oversized() {
        return lines.oversized();
    }

    @Override
    public void close() {
        response.close();
    }
}
