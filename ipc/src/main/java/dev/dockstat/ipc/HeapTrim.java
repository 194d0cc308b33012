package dev.dockstat.ipc;

import java.time.Duration;

/**
 * A full garbage collection every so often, so that the worker's heap follows its live data down
 * as well as up.
 *
 * <p>Why: the launcher runs the worker on the serial collector (the smallest footprint), which gives
 * memory back to the system only after a full collection, when it shrinks the old generation to the
 * live data plus {@code MaxHeapFreeRatio}. Every metrics round promotes a little garbage (samples
 * that outlived two young collections); left alone, the old generation fills towards the heap cap
 * over tens of minutes before the first full collection, and the resident size climbs with it: at
 * 100 environments × 50 containers, RSS rose 9.8 MB from minute 10 to minute 30. One full
 * collection of the worker's heap (tens of MB at most) takes tens of milliseconds: every 5 minutes
 * that is noise in its CPU. {@code -XX:+DisableExplicitGC} in {@code DOCKSTAT_JAVA_OPTS} turns it
 * into nothing, as does {@code DOCKSTAT_HEAP_TRIM_MS=0}.
 */
final class HeapTrim implements AutoCloseable {

    private final Thread thread;

    private HeapTrim(Thread thread) {
        this.thread = thread;
    }

    /** Collects every {@code interval} until closed; {@link Duration#ZERO} = never. */
    static HeapTrim every(Duration interval) {
        return every(interval, System::gc);
    }

    static HeapTrim every(Duration interval, Runnable collect) {
        if (interval.isZero()) {
            return new HeapTrim(null);
        }
        return new HeapTrim(Thread.ofVirtual().name("dockstat-heap-trim").start(() -> {
            try {
                while (true) {
                    Thread.sleep(interval); // the period itself, not a wait for something to happen
                    collect.run();
                }
            } catch (InterruptedException closed) {
                // close(): the worker is stopping
            }
        }));
    }

    boolean running() {
        return thread != null && thread.isAlive();
    }

    /** Stops the collections; when it returns none is running or will start (a running one is waited for, briefly). */
    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
