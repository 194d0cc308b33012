package dev.dockstat.core.loop;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Waits of a periodic loop that a settings change must shorten or lengthen at once and a close
 * must end at once. A lock and condition rather than {@code sleep}: a waiting virtual thread then
 * holds no carrier on any JDK 21+.
 */
public final class Pacer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;

    /**
     * Waits until {@code deadline} (a {@link System#nanoTime()} value, asked again after every
     * {@link #wake()}) has passed.
     *
     * @return false when closed (or interrupted) instead
     */
    public boolean awaitUntil(LongSupplier deadline) {
        lock.lock();
        try {
            while (!closed) {
                long left = deadline.getAsLong() - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Makes waiters look at their deadline again. */
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
