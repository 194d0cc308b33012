package dev.dockstat.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The ring buffer against a reference model that keeps every point ever appended in a list: under
 * random sequences of appends and reads (readers that follow their cursor, reads at arbitrary
 * cursors before, inside and ahead of the kept window), every read returns exactly the model's
 * points, next cursor and gap flag.
 */
class MetricHistoryProperties {

    sealed interface Op {}

    /** Appends {@code count} points. */
    record Append(int count) implements Op {}

    /** Reader {@code reader} reads from the cursor its previous read returned (0 at first). */
    record Follow(int reader) implements Op {}

    /** A read at a cursor relative to the writer: {@code written + offset} (negative = behind). */
    record ReadAt(long offset) implements Op {}

    /** The specification: all points ever appended; the newest {@code capacity} of them are kept. */
    static final class Model {
        final int capacity;
        final List<long[]> points = new ArrayList<>(); // {time, cpu bits, mem bits}

        Model(int capacity) {
            this.capacity = capacity;
        }

        void append(long time, float cpu, float mem) {
            points.add(new long[] {time, Float.floatToRawIntBits(cpu), Float.floatToRawIntBits(mem)});
        }

        /** What a read at {@code cursor} must give: the points, the next cursor, the gap flag. */
        Expected read(long cursor) {
            long end = points.size();
            long oldest = Math.max(0, end - capacity);
            long want = Math.max(0, cursor);
            boolean gap = want < oldest || want > end; // overwritten, or a cursor from an older history
            long from = gap ? oldest : want;
            return new Expected(points.subList((int) from, (int) end), end, gap);
        }
    }

    record Expected(List<long[]> points, long next, boolean gap) {}

    @Property(tries = 500)
    void readsAgreeWithTheModel(@ForAll @IntRange(min = 1, max = 40) int capacity, @ForAll("ops") List<Op> ops) {
        MetricHistory history = new MetricHistory(capacity);
        Model model = new Model(capacity);
        long[] cursors = new long[3];
        HistoryBatch batch = new HistoryBatch(); // reused, as the readers in dockstat do
        long seq = 0;
        for (Op op : ops) {
            switch (op) {
                case Append a -> {
                    for (int i = 0; i < a.count(); i++, seq++) {
                        long time = 1_700_000_000_000L + seq * 3000;
                        float cpu = seq % 201 * 0.5f;
                        float mem = seq % 97 + 0.25f;
                        history.append(time, cpu, mem);
                        model.append(time, cpu, mem);
                    }
                }
                case Follow f -> {
                    check(model.read(cursors[f.reader()]), history.read(cursors[f.reader()], batch));
                    cursors[f.reader()] = batch.next();
                }
                case ReadAt r -> {
                    long cursor = history.written() + r.offset();
                    check(model.read(cursor), history.read(cursor, batch));
                }
            }
        }
        assertEquals(seq, history.written());
    }

    @Property(tries = 200)
    void aFollowingReaderSeesEveryPointOnceUnlessToldOfAGap(@ForAll @IntRange(min = 1, max = 30) int capacity,
            @ForAll("batches") List<Integer> appendsBetweenReads) {
        MetricHistory history = new MetricHistory(capacity);
        HistoryBatch batch = new HistoryBatch();
        long cursor = 0;
        long seen = 0;
        long missed = 0;
        long written = 0;
        for (int n : appendsBetweenReads) {
            for (int i = 0; i < n; i++) {
                history.append(written, written, 0);
                written++;
            }
            history.read(cursor, batch);
            long first = batch.size() == 0 ? batch.next() : batch.time(0);
            assertEquals(batch.gap(), first != cursor, "gap flag iff points were skipped");
            missed += first - cursor;
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(first + i, batch.time(i), "consecutive points, none twice");
            }
            seen += batch.size();
            cursor = batch.next();
        }
        assertEquals(written, seen + missed);
        assertEquals(written, cursor);
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> append = Arbitraries.integers().between(1, 90).map(Append::new);
        Arbitrary<Op> follow = Arbitraries.integers().between(0, 2).map(Follow::new);
        Arbitrary<Op> readAt = Arbitraries.longs().between(-100, 5).map(ReadAt::new);
        return Arbitraries.frequencyOf(Tuple.of(4, append), Tuple.of(4, follow), Tuple.of(2, readAt))
                .list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Integer>> batches() {
        return Arbitraries.integers().between(0, 70).list().ofMinSize(1).ofMaxSize(40);
    }

    private static void check(Expected expected, HistoryBatch actual) {
        assertEquals(expected.points().size(), actual.size(), "points");
        for (int i = 0; i < actual.size(); i++) {
            long[] p = expected.points().get(i);
            assertEquals(p[0], actual.time(i));
            assertEquals(Float.intBitsToFloat((int) p[1]), actual.cpu(i));
            assertEquals(Float.intBitsToFloat((int) p[2]), actual.mem(i));
        }
        assertEquals(expected.next(), actual.next(), "next cursor");
        assertEquals(expected.gap(), actual.gap(), "gap");
    }
}
