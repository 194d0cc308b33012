package dev.dockstat.ipc;

import java.time.Duration;

/**
 * A full collection every so often, for a worker that runs for days.
 *
 * <p>Why: each young collection promotes a little of the worker's round data (what is in flight at
 * that moment) into the old generation, and when the old generation is full the serial collector
 * grows it instead of collecting it, up to the heap's cap. A soak saw the old generation's use
 * climb ~1 MB every half hour with ~3 MB live (docs/worker-footprint.md): left alone, RSS grows by
 * some 2 MB an hour for a day or more before the first full collection brings it back, which is
 * what Dockhand users reported of the Go worker as a leak. A full collection of a few MB takes
 * milliseconds; one every 10 minutes keeps the old generation at what is live.
 */
final class HeapTrim implements AutoCloseable {

    /** Off: a worker with {@code DOCKSTAT_HEAP_TRIM_MS=0}. */
    static final HeapTrim OFF = new HeapTrim(null);

    private final Thread thread;

    private HeapTrim(Thread thread) {
        this.thread = thread;
    }

    /** Runs {@code collect} every {@code interval} until closed; a zero interval runs nothing. */
    static HeapTrim every(Duration interval, Runnable collect) {
        if (interval.isZero()) {
            return OFF;
        }
        return new HeapTrim(Thread.ofVirtual().name("dockstat-heap-trim").start(() -> {
            try {
                while (true) {
                    Thread.sleep(interval);
                    collect.run();
                }
            } catch (InterruptedException closed) {
                // close(): the worker is stopping
            }
        }));
    }

    /** Stops it, after the collection in progress if there is one. */
    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether it may still collect. */
    boolean running() {
        return thread != null && thread.isAlive();
    }
}
