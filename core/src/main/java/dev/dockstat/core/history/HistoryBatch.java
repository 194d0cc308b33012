package dev.dockstat.core.history;

/**
 * Points read from a {@link MetricHistory}, in reusable primitive arrays: a reader that keeps one
 * batch allocates nothing per read once the arrays have grown to the history's capacity.
 * Not thread-safe; one per reader.
 */
public final class HistoryBatch {

    private long[] times = new long[0];
    private float[] cpu = new float[0];
    private float[] mem = new float[0];
    private int start;
    private int end;
    private long next;
    private boolean gap;

    void reset(int capacity) {
        if (times.length < capacity) {
            times = new long[capacity];
            cpu = new float[capacity];
            mem = new float[capacity];
        }
        start = 0;
        end = 0;
        gap = false;
    }

    /** Empties the batch; the next read is to start at {@code cursor}. Returns this batch. */
    public HistoryBatch clear(long cursor) {
        reset(0);
        finish(cursor, false);
        return this;
    }

    void copy(long[] fromTimes, float[] fromCpu, float[] fromMem, int at, int count) {
        System.arraycopy(fromTimes, at, times, end, count);
        System.arraycopy(fromCpu, at, cpu, end, count);
        System.arraycopy(fromMem, at, mem, end, count);
        end += count;
    }

    void dropFirst(int count) {
        start = Math.min(end, start + count);
    }

    void finish(long nextCursor, boolean hadGap) {
        this.next = nextCursor;
        this.gap = hadGap;
    }

    /** Points in this batch. */
    public int size() {
        return end - start;
    }

    /** Time of point {@code i} (0 = oldest in the batch), unix milliseconds. */
    public long time(int i) {
        return times[start + check(i)];
    }

    public float cpu(int i) {
        return cpu[start + check(i)];
    }

    public float mem(int i) {
        return mem[start + check(i)];
    }

    /** The cursor for the next read. */
    public long next() {
        return next;
    }

    /** Whether points the reader asked for were overwritten before it could read them. */
    public boolean gap() {
        return gap;
    }

    private int check(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(i + " of " + size());
        }
        return i;
    }
}
