package dev.dockstat.synthetic;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The faults one engine is put in through the control API: down, stalled, slow. */
final class EngineFaults {

    /** How a down engine turns connections away. */
    enum DownMode {
        /** The port keeps listening; each connection is reset at once, so attempts can be counted. */
        RESET,
        /** The listening socket is closed: the kernel refuses, as for a stopped daemon; attempts are not seen. */
        REFUSE
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition answerable = lock.newCondition();
    private volatile long downUntilMillis; // 0 = up, Long.MAX_VALUE = until told up
    private volatile DownMode downMode = DownMode.RESET;
    private volatile boolean stalled;
    private volatile long latencyMillis;

    EngineFaults(long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    boolean down() {
        long until = downUntilMillis;
        return until != 0 && System.currentTimeMillis() < until;
    }

    DownMode downMode() {
        return downMode;
    }

    long downUntilMillis() {
        return downUntilMillis;
    }

    void down(long seconds, DownMode mode) {
        downMode = mode;
        downUntilMillis = seconds <= 0 ? Long.MAX_VALUE : System.currentTimeMillis() + seconds * 1000;
    }

    /** Ends every fault but latency. */
    void up() {
        lock.lock();
        try {
            downUntilMillis = 0;
            stalled = false;
            answerable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void stall() {
        stalled = true;
    }

    boolean stalled() {
        return stalled;
    }

    void latency(long millis) {
        latencyMillis = millis;
    }

    long latencyMillis() {
        return latencyMillis;
    }

    /** Holds a request while the engine is stalled, then waits out the engine's latency. */
    void beforeAnswer() throws InterruptedException {
        if (stalled) {
            lock.lock();
            try {
                while (stalled) {
                    answerable.await();
                }
            } finally {
                lock.unlock();
            }
        }
        long latency = latencyMillis;
        if (latency > 0) {
            Thread.sleep(latency); // the configured answer latency itself
        }
    }
}
