package dev.dockstat.batch.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ctrl-C / SIGTERM for a run: tasks wait on it instead of sleeping, so a stop ends every wait at once. */
public final class StopSignal {

    private final CountDownLatch latch = new CountDownLatch(1);
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();

    /** Ends of a subscription to {@link #onStop}. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public void stop() {
        latch.countDown();
        onStop.forEach(Runnable::run);
    }

    /** Runs {@code action} when the run is stopped (at once when it already is), until the subscription closes. */
    Subscription onStop(Runnable action) {
        onStop.add(action);
        if (stopped()) {
            action.run();
        }
        return () -> onStop.remove(action);
    }

    public boolean stopped() {
        return latch.getCount() == 0;
    }

    /** Waits until {@code deadlineNanos} (System.nanoTime); returns false if stopped first. */
    boolean waitUntil(long deadlineNanos) {
        long wait = deadlineNanos - System.nanoTime();
        if (wait <= 0) {
            return !stopped();
        }
        try {
            return !latch.await(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
