package dev.dockstat.core.loop;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Start times for the metrics loops of one process, spread over the metrics interval. Dockhand
 * configures every environment in one write; started together, a hundred environments' rounds
 * would run in the same second, every interval: thousands of stats requests, connections and
 * buffers at once.
 *
 * <p>The first environment starts at once and fixes the origin. The k-th one after it starts at
 * the k-th point of the base-2 van der Corput sequence (1/2, 1/4, 3/4, 1/8, ...) of the interval
 * past that origin: however many come, they all start within one interval, and no two phases are
 * closer than half of an even share. Spacing them a fixed second apart, as before, took 100 s for
 * 100 environments and gave four of them (those 30 s apart at a 30 s interval) the same phase, so
 * four rounds' worth of connections were open at once; here they are 0.15-0.3 s apart. An
 * environment configured later takes its phase in the next interval, so its first round comes
 * within one interval; when the interval changes before a loop's first round, its start follows
 * ({@link Slot#startFor}). Thread-safe.
 */
public final class StartSlots {

    private final LongSupplier clock;
    private long origin;
    private int taken;

    /** @param clock {@link System#nanoTime()} or a test's */
    public StartSlots(LongSupplier clock) {
        this.clock = clock;
    }

    public StartSlots() {
        this(System::nanoTime);
    }

    /**
     * One loop's place: its phase as a fraction of the interval, counted from the first loop's
     * start. The start itself depends on the interval, which may change before it comes (Dockhand
     * sends {@code set_metrics_interval} after its environments), so it is asked for again then.
     *
     * @param origin when the first loop started ({@link System#nanoTime()})
     * @param fraction of the interval past {@code origin}, in [0, 1)
     * @param takenAt when this slot was taken
     */
    public record Slot(long origin, double fraction, long takenAt) {

        /** The first time at or after {@link #takenAt} that lies {@code fraction} of {@code interval} past a multiple of it from {@link #origin}. */
        public long startFor(Duration interval) {
            long period = interval.toNanos();
            long phase = (long) (fraction * period);
            long past = Math.floorMod(takenAt - origin - phase, period); // how long before takenAt the phase last came
            return past == 0 ? takenAt : takenAt + (period - past);
        }
    }

    /** The next slot: the first starts at once, the k-th after it at the k-th point of the sequence. */
    public synchronized Slot take() {
        long now = clock.getAsLong();
        if (taken++ == 0) {
            origin = now;
            return new Slot(now, 0, now);
        }
        return new Slot(origin, radicalInverse(taken - 1), now);
    }

    /** The k-th point (k >= 1) of the base-2 van der Corput sequence: k's binary digits mirrored behind the point. */
    static double radicalInverse(int k) {
        return (Integer.reverse(k) >>> 1) / (double) (1L << 31);
    }
}
