package dev.dockstat.core.loop;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Start times for the metrics loops of one process, at least {@link #spacing} apart. Dockhand
 * configures every environment in one write; started together, a hundred environments' rounds
 * would run in the same second, every interval: thousands of stats requests, connections and
 * buffers at once. Spread out, each round runs nearly alone. A lone environment starts at once.
 * Thread-safe.
 */
public final class StartSlots {

    /** The worker's spacing: 100 environments start within 100 s, 30 at a 30 s interval's every phase. */
    public static final Duration WORKER_SPACING = Duration.ofSeconds(1);

    private final long spacing;
    private final LongSupplier clock;
    private long last = Long.MIN_VALUE;

    /** @param clock {@link System#nanoTime()} or a test's */
    public StartSlots(Duration spacing, LongSupplier clock) {
        this.spacing = spacing.toNanos();
        this.clock = clock;
    }

    public StartSlots(Duration spacing) {
        this(spacing, System::nanoTime);
    }

    /** The next start, a {@link System#nanoTime()} value: now, or {@link #spacing} after the previous one handed out. */
    public synchronized long take() {
        long now = clock.getAsLong();
        long slot = last == Long.MIN_VALUE ? now : Math.max(now, last + spacing);
        last = slot;
        return slot;
    }
}
