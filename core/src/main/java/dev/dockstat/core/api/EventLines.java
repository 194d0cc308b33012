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

    EventLines(TransportResponse response) {
        this.response = response;
        this.lines = new BoundedLineReader(response.body(), MAX_LINE);
    }

    /** The next non-empty line without its newline, or null at the end of the response. */
    public byte[] next() throws IOException {
        return lines.advance() ? lines.copy() : null;
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
