package dev.dockstat.cli.live;

import dev.dockstat.core.model.StatsSample;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Net and block I/O rates per container, for the detail's sparklines. The engine's counters only
 * grow, so a rate is the difference of two readings over the time between them; the view records
 * every new reading it sees (one a round), and each container keeps the newest {@code capacity}
 * rates in a ring, like the CPU and memory history the feed keeps. One thread (the view's).
 */
public final class IoRates {

    /** Rates in bytes per second, oldest first, and the time they span. */
    public record Series(float[] netRx, float[] netTx, float[] blkRead, float[] blkWrite, long spanMillis) {
        public static final Series EMPTY = new Series(new float[0], new float[0], new float[0], new float[0], 0);

        public int size() {
            return netRx.length;
        }
    }

    private final int capacity;
    private final Map<String, Ring> rings = new HashMap<>();

    public IoRates(int capacity) {
        this.capacity = capacity;
    }

    /** Takes a reading; the same reading twice (no new round yet) and stopped containers' empty readings add nothing. */
    public void record(String key, StatsSample sample) {
        if (sample == null || sample.empty()) {
            return;
        }
        Ring ring = rings.computeIfAbsent(key, k -> new Ring(capacity));
        ring.add(sample);
    }

    /** Forgets containers no longer shown. */
    public void retain(Set<String> keys) {
        rings.keySet().retainAll(keys);
    }

    public Series series(String key) {
        Ring ring = rings.get(key);
        return ring == null ? Series.EMPTY : ring.series();
    }

    private static final class Ring {
        final long[] times;
        final float[][] rates;
        int next;
        int size;
        StatsSample previous;

        Ring(int capacity) {
            times = new long[capacity];
            rates = new float[4][capacity];
        }

        void add(StatsSample s) {
            StatsSample p = previous;
            if (p != null && s.readNanos() <= p.readNanos()) {
                return; // not a new reading
            }
            previous = s;
            if (p == null) {
                return;
            }
            double seconds = (s.readNanos() - p.readNanos()) / 1e9;
            times[next] = s.readNanos() / 1_000_000;
            rates[0][next] = rate(p.netRx(), s.netRx(), seconds);
            rates[1][next] = rate(p.netTx(), s.netTx(), seconds);
            rates[2][next] = rate(p.blkRead(), s.blkRead(), seconds);
            rates[3][next] = rate(p.blkWrite(), s.blkWrite(), seconds);
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }

        /** A counter that went down was reset (the container restarted): no rate for that step. */
        private static float rate(long before, long after, double seconds) {
            return after < before || before < 0 ? 0f : (float) ((after - before) / seconds);
        }

        Series series() {
            float[][] out = new float[4][size];
            int first = (next - size + times.length) % times.length;
            for (int i = 0; i < size; i++) {
                int slot = (first + i) % times.length;
                for (int r = 0; r < 4; r++) {
                    out[r][i] = rates[r][slot];
                }
            }
            long span = size < 2 ? 0 : times[(next - 1 + times.length) % times.length] - times[first];
            return new Series(out[0], out[1], out[2], out[3], span);
        }
    }
}
