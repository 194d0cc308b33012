package dev.dockstat.core.loop;

import java.time.Duration;

/** Reconnect delays: 5 s, doubling to 60 s; reset after a good connection (docs/serve-ipc.md). */
public final class Backoff {

    public static final Duration FIRST = Duration.ofSeconds(5);
    public static final Duration MAX = Duration.ofSeconds(60);

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    public Backoff() {
        this(FIRST, MAX);
    }

    /** The delay to wait now; the one after doubles, up to the maximum. */
    public synchronized Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    public synchronized void reset() {
        next = first;
    }
}
