package dev.dockstat.core.history;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded history of one container's readings: time, CPU %, memory %. The oldest point is
 * overwritten once {@link #capacity()} is reached.
 *
 * <p>Storage is three primitive arrays, 16 bytes a point (long + float + float), and no object per
 * point. One writer appends; any number of readers read at the same time without locks (a seqlock
 * on the append count): the writer announces a point ({@code started}) before it writes the slot
 * and publishes it ({@code written}) after; a reader copies up to {@code written}, then looks at
 * {@code started} and discards any copied point whose slot the writer may have been overwriting
 * meanwhile. So a reader never returns a torn point, and an append costs no lock.
 *
 * <p>Readers use a cursor: the sequence number of the next point they want. A point's sequence
 * number is the count of points appended before it, so cursors stay valid across wrap-around.
 */
public final class MetricHistory {

    public static final int DEFAULT_CAPACITY = 3000;
    /** Storage per point: a long time and two floats, in three parallel arrays. */
    public static final int BYTES_PER_POINT = Long.BYTES + 2 * Float.BYTES;
    private static final VarHandle WRITTEN;
    private static final VarHandle STARTED;

    static {
        try {
            WRITTEN = MethodHandles.lookup().findVarHandle(MetricHistory.class, "written", long.class);
            STARTED = MethodHandles.lookup().findVarHandle(MetricHistory.class, "started", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    private final long[] times;
    private final float[] cpu;
    private final float[] mem;
    /** Points appended so far; published with release semantics after the slot is written. */
    @SuppressWarnings("unused")
    private long written;
    /** Points whose slot write has begun; equal to {@code written} between appends. */
    @SuppressWarnings("unused")
    private long started;
    /** The writer's slot for the next point ({@code written % capacity}); only the writer touches it. */
    private int nextSlot;

    public MetricHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.times = new long[capacity];
        this.cpu = new float[capacity];
        this.mem = new float[capacity];
    }

    public MetricHistory() {
        this(DEFAULT_CAPACITY);
    }

    public int capacity() {
        return capacity;
    }

    /** The sequence number the next appended point will get (= points appended so far). */
    public long written() {
        return (long) WRITTEN.getAcquire(this);
    }

    /** Appends a point. Only one thread may append (or appends must be serialized by the caller). */
    public void append(long timeMillis, float cpuPercent, float memPercent) {
        long n = (long) WRITTEN.getOpaque(this);
        STARTED.setOpaque(this, n + 1);
        VarHandle.storeStoreFence(); // readers must see the announcement before the slot changes
        int slot = nextSlot;
        times[slot] = timeMillis;
        cpu[slot] = cpuPercent;
        mem[slot] = memPercent;
        nextSlot = slot + 1 == capacity ? 0 : slot + 1; // no division on the hot path
        WRITTEN.setRelease(this, n + 1);
    }

    /**
     * Copies the points from {@code cursor} on into {@code into} (replacing its content), with at
     * most two array copies per field and no allocation once {@code into} has grown to capacity.
     *
     * <p>A cursor older than the oldest kept point starts at the oldest and sets
     * {@link HistoryBatch#gap()}. A cursor ahead of the writer can only come from an earlier history
     * (the container's history was dropped and started again): the read starts at the oldest point
     * and sets the gap flag too. A negative cursor reads from the start, like 0.
     *
     * @return {@code into}, whose {@link HistoryBatch#next()} is the cursor for the following read
     */
    public HistoryBatch read(long cursor, HistoryBatch into) {
        long end = written();
        long oldest = Math.max(0, end - capacity);
        long want = Math.max(0, cursor);
        boolean gap = want < oldest || want > end;
        long from = gap ? oldest : want;
        int count = (int) (end - from);
        int slot = (int) (from % capacity);
        int head = Math.min(count, capacity - slot);
        into.reset(capacity);
        into.copy(times, cpu, mem, slot, head);
        into.copy(times, cpu, mem, 0, count - head);
        VarHandle.loadLoadFence(); // the copies above happen before the look at the writer
        long firstSafe = (long) STARTED.getOpaque(this) - capacity; // older slots are being reused
        if (from < firstSafe) {
            into.dropFirst((int) Math.min(firstSafe - from, count));
            gap = true;
        }
        into.finish(end, gap);
        return into;
    }

    /** The newest point's CPU %, or NaN when empty. */
    public float lastCpu() {
        long n = written();
        return n == 0 ? Float.NaN : cpu[(int) ((n - 1) % capacity)];
    }
}
