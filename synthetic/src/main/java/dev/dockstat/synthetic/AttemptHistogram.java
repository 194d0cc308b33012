package dev.dockstat.synthetic;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Connection attempts (accepted + refused) per wall-clock second over the last 10 minutes, for the
 * whole fleet: how hard clients storm the engines when they come back.
 */
final class AttemptHistogram {

    static final int SECONDS = 600;

    private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
    private final AtomicLongArray stamps = new AtomicLongArray(SECONDS); // which second a slot counts

    void attempt() {
        long second = System.currentTimeMillis() / 1000;
        int slot = (int) (second % SECONDS);
        long stamp = stamps.get(slot);
        if (stamp != second) {
            // a new second takes over the slot; the loser of a race retries on the fresh count
            if (stamps.compareAndSet(slot, stamp, second)) {
                counts.set(slot, 0);
            }
        }
        counts.incrementAndGet(slot);
    }

    /** {@code [[unixSecond,attempts],...]} for the seconds of the last 10 minutes that had any, oldest first. */
    StringBuilder json(StringBuilder b) {
        long now = System.currentTimeMillis() / 1000;
        b.append('[');
        boolean first = true;
        long max = 0;
        for (long s = now - SECONDS + 1; s <= now; s++) {
            int slot = (int) (s % SECONDS);
            if (stamps.get(slot) == s && counts.get(slot) > 0) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append('[').append(s).append(',').append(counts.get(slot)).append(']');
            }
        }
        return b.append(']');
    }

    long max() {
        long now = System.currentTimeMillis() / 1000;
        long max = 0;
        for (long s = now - SECONDS + 1; s <= now; s++) {
            int slot = (int) (s % SECONDS);
            if (stamps.get(slot) == s) {
                max = Math.max(max, counts.get(slot));
            }
        }
        return max;
    }
}
