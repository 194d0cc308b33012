package dev.dockstat.bench;

import dev.dockstat.core.history.HistoryBatch;
import dev.dockstat.core.history.MetricHistory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ring buffer's hot paths: an append, a read of a full history (3000 points) into a reused
 * batch, and both at once from two threads. Run with {@code -prof gc} to see the allocation per
 * operation ({@code gc.alloc.rate.norm}), which should be 0 for all of them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricHistoryBench {

    static final int CAPACITY = MetricHistory.DEFAULT_CAPACITY;

    /** A full history and a batch already grown to its capacity. */
    @State(Scope.Thread)
    public static class Full {
        final MetricHistory history = filled();
        final HistoryBatch batch = new HistoryBatch();
        long time = 1_700_000_000_000L;

        @Setup
        public void grow() {
            history.read(0, batch);
        }
    }

    @State(Scope.Group)
    public static class Shared {
        final MetricHistory history = filled();
        long time = 1_700_000_000_000L;
    }

    @State(Scope.Thread)
    public static class Reader {
        final HistoryBatch batch = new HistoryBatch();
    }

    static MetricHistory filled() {
        MetricHistory h = new MetricHistory(CAPACITY);
        for (int i = 0; i < CAPACITY; i++) {
            h.append(1_700_000_000_000L + i * 3000L, i % 100, 40f);
        }
        return h;
    }

    @Benchmark
    public void append(Full s) {
        s.history.append(s.time++, 12.5f, 40.0f);
    }

    /** All 3000 points, as a live view redrawing a sparkline from scratch reads them. */
    @Benchmark
    public int read3000(Full s) {
        return s.history.read(s.history.written() - CAPACITY, s.batch).size();
    }

    /** The same read, then every CPU value used once (the batch's accessors allocate nothing either). */
    @Benchmark
    public float read3000AndSum(Full s) {
        HistoryBatch b = s.history.read(s.history.written() - CAPACITY, s.batch);
        float sum = 0;
        for (int i = 0; i < b.size(); i++) {
            sum += b.cpu(i);
        }
        return sum;
    }

    @Benchmark
    @Group("contended")
    @GroupThreads(1)
    public void writer(Shared s) {
        s.history.append(s.time++, 12.5f, 40.0f);
    }

    @Benchmark
    @Group("contended")
    @GroupThreads(1)
    public int reader(Shared s, Reader r) {
        return s.history.read(s.history.written() - CAPACITY, r.batch).size();
    }
}
