package dev.dockstat.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One writer and several readers at once: no reader ever gets a torn point. Each point's three
 * fields derive from its sequence number, so a point mixing two writes, or a point from another
 * lap of the ring in the place of the one asked for, fails the check. Small capacities make the
 * writer lap the readers constantly, which is where a torn point would come from.
 */
class MetricHistoryConcurrencyTest {

    private static final long APPENDS = 3_000_000;
    private static final int READERS = 3;

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 64, MetricHistory.DEFAULT_CAPACITY})
    void readersNeverSeeATornPoint(int capacity) throws InterruptedException {
        MetricHistory history = new MetricHistory(capacity);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] reads = new long[READERS];
        long[] points = new long[READERS];
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            int id = r;
            readers.add(Thread.ofPlatform().name("history-reader-" + r).start(() -> {
                try {
                    HistoryBatch batch = new HistoryBatch();
                    long cursor = 0;
                    boolean last = false;
                    while (!last) {
                        last = done.get(); // one more read after the writer stopped
                        history.read(cursor, batch);
                        verify(batch, cursor);
                        cursor = batch.next();
                        reads[id]++;
                        points[id] += batch.size();
                    }
                    assertEquals(APPENDS, cursor, "the last read reaches the writer");
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        for (long seq = 0; seq < APPENDS; seq++) {
            history.append(seq, cpuOf(seq), memOf(seq));
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a reader failed", failure.get());
        }
        for (int r = 0; r < READERS; r++) {
            assertTrue(reads[r] > 1 && points[r] > 0, "reader " + r + " read " + points[r] + " points in " + reads[r] + " reads");
        }
    }

    /** Every point is whole and in sequence; a batch starts at the cursor unless it reports a gap. */
    private static void verify(HistoryBatch batch, long cursor) {
        long first = batch.next() - batch.size();
        if (!batch.gap() && first != cursor) {
            throw new AssertionError("batch starts at " + first + " for cursor " + cursor + " without a gap");
        }
        for (int i = 0; i < batch.size(); i++) {
            long seq = batch.time(i);
            if (seq != first + i || batch.cpu(i) != cpuOf(seq) || batch.mem(i) != memOf(seq)) {
                throw new AssertionError("torn point at " + i + " of a batch ending at " + batch.next() + ": time " + seq
                        + ", cpu " + batch.cpu(i) + ", mem " + batch.mem(i) + "; expected seq " + (first + i));
            }
        }
    }

    private static float cpuOf(long seq) {
        return (float) (seq & 0xFFFF);
    }

    private static float memOf(long seq) {
        return (float) ((seq >>> 16) & 0xFFFF);
    }
}
