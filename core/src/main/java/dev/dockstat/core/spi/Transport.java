package dev.dockstat.core.spi;

import java.io.IOException;

/**
 * Moves HTTP exchanges between dockstat and one Docker engine. This is the whole contract a
 * transport plugin implements; everything Docker-specific lives above it in core.
 *
 * <p>Threading: {@link #execute} is called from many threads at once (one virtual thread per
 * request) and must be safe for that. {@link #close} may be called from any thread while requests
 * are in flight; they then fail promptly with an {@link IOException}.
 *
 * <p>Ownership: the caller owns each {@link TransportResponse} and must close it. The transport
 * owns its connections and releases all of them in {@link #close}.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends the request and returns once the response headers have arrived. The body is read
     * from the returned response. Never returns null.
     *
     * @throws IOException when the engine cannot be reached, the deadline passes, or the
     *     transport is closed
     */
    TransportResponse execute(TransportRequest request) throws IOException;

    /**
     * Closes the idle connections of one pool; those in use stay. A caller that will not use the
     * pool again for a while frees their sockets and buffers (a worker watching a hundred engines
     * would otherwise keep one connection per container of each). Never throws.
     */
    default void closeIdle(TransportRequest.Pool pool) {}

    /** Closes every connection of every pool. Idempotent; never throws. */
    @Override
    void close();
}
