package dev.dockstat.core.spi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to an engine.
 *
 * @param method HTTP method, e.g. {@code GET}
 * @param target path and query, already versioned and encoded, e.g. {@code /v1.41/containers/json}
 * @param headers extra request headers (a decorator may add more); never null
 * @param pool which connection pool carries the request
 * @param timeout for {@link Pool#REQUEST} and {@link Pool#FANOUT}: the deadline for the whole
 *     exchange, body included; for {@link Pool#STREAM}: the deadline for the response headers only
 *     (the body of a stream may stay open for hours)
 */
public record TransportRequest(String method, String target, Map<String, String> headers, Pool pool, Duration timeout) {

    /** The pools of one environment, sized by {@link PoolSizes}. */
    public enum Pool {
        /** Ordinary API calls (ping, list, info, df). */
        REQUEST,
        /**
         * Requests sent many at once that each wait for the engine's 1 s stats tick; a round over N
         * containers needs N of them in flight, so this pool is sized by the stats concurrency cap.
         */
        FANOUT,
        /** Long-lived responses (the event stream). */
        STREAM
    }

    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(timeout, "timeout");
        headers = Map.copyOf(headers);
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must start with '/': " + target);
        }
    }

    public static TransportRequest get(String target, Pool pool, Duration timeout) {
        return new TransportRequest("GET", target, Map.of(), pool, timeout);
    }

    /** The same request with one more header. */
    public TransportRequest withHeader(String name, String value) {
        var copy = new HashMap<>(headers);
        copy.put(name, value);
        return new TransportRequest(method, target, copy, pool, timeout);
    }
}
