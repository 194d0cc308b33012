package dev.dockstat.bench;

import dev.dockstat.core.history.MetricHistory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Heap taken by histories: live heap before and after creating {@code count} full histories of
 * {@code capacity} points, divided by the points. Run: {@code java -cp bench/target/benchmarks.jar
 * dev.dockstat.bench.HistoryFootprint [count] [capacity]}.
 */
public final class HistoryFootprint {

    private HistoryFootprint() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : MetricHistory.DEFAULT_CAPACITY;
        long before = liveHeap();
        MetricHistory[] histories = new MetricHistory[count];
        for (int i = 0; i < count; i++) {
            histories[i] = new MetricHistory(capacity);
            for (int p = 0; p < capacity; p++) {
                histories[i].append(p, p, p);
            }
        }
        long after = liveHeap();
        long points = (long) count * capacity;
        System.out.printf(Locale.ROOT, "%d histories x %d points: %.1f MiB of heap, %.3f bytes per point "
                + "(arrays: %d B per point; per history %.0f B of fixed overhead)%n",
                count, capacity, (after - before) / 1048576.0, (double) (after - before) / points,
                MetricHistory.BYTES_PER_POINT, (double) (after - before) / count - (double) capacity * MetricHistory.BYTES_PER_POINT);
        if (histories[count - 1].written() != capacity) {
            throw new AssertionError("unreachable: keeps the histories alive until here");
        }
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
