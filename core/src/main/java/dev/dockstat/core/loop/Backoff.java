package dev.dockstat.core.loop;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: 5 s, doubling to 60 s; reset after a good connection (docs/serve-ipc.md).
 *
 * <p>A {@link #jittered()} backoff waits a random part of each step instead, between half of it and
 * all of it: when a hundred engines vanish at once, a worker watching them all would otherwise
 * retry every one of them in the same instant, over and over (issue 19's reconnect storm).
 */
public final class Backoff {

    public static final Duration FIRST = Duration.ofSeconds(5);
    public static final Duration MAX = Duration.ofSeconds(60);
    /** The part of a step a jittered delay may leave out: delays fall in [step / 2, step]. */
    public static final double JITTER = 0.5;

    private final Duration first;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;
    private Duration next;

    /**
     * @param jitter the part of each step left out at random, 0 (none) to 1
     * @param random uniform numbers in [0, 1)
     */
    public Backoff(Duration first, Duration max, double jitter, DoubleSupplier random) {
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
        }
        this.first = first;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
        this.next = first;
    }

    public Backoff(Duration first, Duration max) {
        this(first, max, 0, () -> 0);
    }

    public Backoff() {
        this(FIRST, MAX);
    }

    /** The worker's schedule with {@link #JITTER}: each delay in [step / 2, step]. */
    public static Backoff jittered() {
        return new Backoff(FIRST, MAX, JITTER, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The delay to wait now; the step after doubles, up to the maximum. */
    public synchronized Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        if (jitter == 0) {
            return now;
        }
        return Duration.ofNanos(Math.round(now.toNanos() * (1 - jitter * random.getAsDouble())));
    }

    public synchronized void reset() {
        next = first;
    }
}
