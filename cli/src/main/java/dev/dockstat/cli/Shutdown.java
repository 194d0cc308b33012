package dev.dockstat.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a long-running command does on SIGTERM or SIGINT (Ctrl-C), in one place: the JVM's
 * shutdown runs {@code stop}, then waits up to {@code grace} for the command to say it has
 * finished cleaning up ({@link #close()}), so files are flushed and engines let go before the
 * process ends. Open it around the command's work:
 *
 * <pre>{@code try (Shutdown shutdown = Shutdown.onSignal(server::stop, GRACE)) { server.run(); }}</pre>
 *
 * <p>A command whose requested stop must end with status 0 rather than the JVM's 128 + signal
 * (serve-ipc: Dockhand reads a non-zero status as a crash) asks for it with {@link #exitStatus};
 * {@link Main} then ends the process with that status.
 */
public final class Shutdown implements AutoCloseable {

    private final Runnable stop;
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile Integer statusOnSignal;
    private volatile Runnable unfinished = () -> {};

    private Shutdown(Runnable stop, Duration grace) {
        this.stop = stop;
        this.grace = grace;
        this.hook = new Thread(this::onSignal, "dockstat-shutdown");
    }

    /** Runs {@code stop} on SIGTERM or SIGINT and waits up to {@code grace} for {@link #close()}. */
    public static Shutdown onSignal(Runnable stop, Duration grace) {
        Shutdown shutdown = new Shutdown(stop, grace);
        Runtime.getRuntime().addShutdownHook(shutdown.hook);
        return shutdown;
    }

    /** After a signal, the process ends with {@code status} once the command has finished. */
    public Shutdown exitStatus(int status) {
        this.statusOnSignal = status;
        return this;
    }

    /**
     * What a signal does itself when the command has not finished within the grace (the live view
     * restores the terminal then, which its own loop does otherwise).
     */
    public Shutdown unlessFinished(Runnable fallback) {
        this.unfinished = fallback;
        return this;
    }

    private void onSignal() {
        stop.run();
        boolean done = false;
        try {
            done = finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!done) {
            unfinished.run();
        }
        Integer status = statusOnSignal;
        if (status != null) {
            Main.endAfterSignal(status);
        }
    }

    /** The command has finished; a signal from now on is the JVM's ordinary business. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it has been waiting for this close
        }
    }
}
