package dev.dockstat.core.engine;

import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.model.EngineInfo;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The engine's {@code /info} as a metrics round needs it (the host's memory and CPU count), asked
 * again only when it may have changed: once it is older than {@link #MAX_AGE}, or after the engine
 * was out of reach (it may come back on a resized host). Asked every round, {@code /info} was the
 * largest answer of a round after the stats themselves, a third of the fixed cost of a worker's round
 * with the kernel source, and on the engine's side the most expensive call of a round. A failed ask is
 * not kept: the next round asks again.
 */
final class HostInfoCache {

    /** As long as a figure may lag a change of the host's memory or CPUs (the disk check's interval). */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** Where the figures come from: the engine's {@code /info}; throws a {@link DockerException}. */
    interface Source {
        EngineInfo info();
    }

    private final long maxAgeNanos;
    private final LongSupplier clock;
    private EngineInfo info;
    private long askedAt;

    /** @param clock {@link System#nanoTime()} or a test's */
    HostInfoCache(Duration maxAge, LongSupplier clock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = clock;
    }

    /** The kept figures while they are fresh; otherwise asks {@code source} and keeps the answer. */
    synchronized EngineInfo get(Source source) {
        long now = clock.getAsLong();
        if (info == null || now - askedAt >= maxAgeNanos) {
            info = null; // a failed ask below leaves nothing stale behind
            info = source.info();
            askedAt = now;
        }
        return info;
    }

    /** The engine went away: ask again when it is back. */
    synchronized void forget() {
        info = null;
    }
}
