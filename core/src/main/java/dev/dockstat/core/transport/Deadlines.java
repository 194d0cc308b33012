package dev.dockstat.core.transport;

import dev.dockstat.core.spi.TransportRequest;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Cancels requests that outlive their deadline. One daemon thread serves every transport: it only
 * flips cancel flags, never blocks.
 */
final class Deadlines {

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dockstat-deadlines");
        t.setDaemon(true);
        return t;
    });

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
