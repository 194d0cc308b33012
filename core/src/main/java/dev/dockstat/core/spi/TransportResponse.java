package dev.dockstat.core.spi;

import java.io.Closeable;
import java.io.InputStream;
import java.util.Optional;

/**
 * The response to a {@link TransportRequest}: status and headers are available at once, the body is
 * read as it arrives. Not thread-safe, except {@link #close}, which another thread may call to
 * abort a blocked read.
 */
public interface TransportResponse extends Closeable {

    int status();

    /** The first header of that name, case-insensitive. */
    Optional<String> header(String name);

    /** The body, already de-chunked; empty for a response without one. Never null. */
    InputStream body();

    /**
     * Releases the connection: back to its pool when the body was read to the end, otherwise the
     * connection is closed (never drains an unread stream). Idempotent; never throws.
     */
    @Override
    void close();
}
