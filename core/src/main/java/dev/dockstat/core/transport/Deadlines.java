package dev.dockstat.core.transport;

import dev.dockstat.core.spi.TransportRequest;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Cancels requests that outlive their deadline. One daemon thread serves every transport: it only
 * flips cancel flags, never blocks.
 */
final class Deadlines {

    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    /**
     * A disarmed deadline leaves the queue at once. By default a cancelled task stays queued until
     * its time: every stats request's task then held the request and its execution state for the
     * 10 s timeout after the answer, about 1 700 of them at a time in a fleet
     * worker (100 engines x 50 containers every 30 s), long enough for young collections to promote
     * them to the old generation; and the thread woke at each such time only to drop the task.
     */
    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "dockstat-deadlines");
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    private Deadlines() {}

    /** A pending cancel; {@link #disarm()} once the exchange is over. */
    static final class Handle {
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile ScheduledFuture<?> future;

        void disarm() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }

        boolean fired() {
            return fired.get();
        }
    }

    static Handle cancelAt(Cancellable request, Duration timeout) {
        Handle handle = new Handle();
        handle.future = SCHEDULER.schedule(() -> {
            handle.fired.set(true);
            request.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return handle;
    }

    /** Deadlines armed and not yet disarmed or fired (for tests). */
    static int pending() {
        return SCHEDULER.getQueue().size();
    }

    static SocketTimeoutException timeout(TransportRequest request, Throwable cause) {
        return timeout(request, cause, "");
    }

    /** @param detail what came of the answer, e.g. {@code "; the body stalled"} */
    static SocketTimeoutException timeout(TransportRequest request, Throwable cause, String detail) {
        var e = new SocketTimeoutException("no answer within " + seconds(request.timeout()) + " (" + request.method() + " "
                + pathOnly(request.target()) + detail + ")");
        e.initCause(cause);
        return e;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String pathOnly(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }
}
