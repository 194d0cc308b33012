package dev.dockstat.core.stats;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Pacer;
import dev.dockstat.core.loop.Reachability;
import dev.dockstat.core.model.ContainerSummary;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The one stats loop of every front end (the live view, serve-ipc, serve-metrics, a batch run): a
 * {@link StatsCollector} round of one engine on a schedule, each round handed to a {@link Listener}.
 * Pacing, failure handling and reachability live here once; a front end only listens.
 *
 * <p>Schedule: rounds start every {@code interval}, start to start; a round that takes longer is
 * followed at once, never by a burst of catch-up rounds, except where the stats source reads when
 * asked (the kernel's files: {@link dev.dockstat.core.api.StatsSource#spacing()} is not zero):
 * there the next round waits until half an interval after the late one ended, because a row's
 * figures cover the time between the two readings. A first round that took its whole interval
 * (Podman answering slowly) was followed 28 ms later by a round whose CPU figure covered those
 * 28 ms and read 35 % for a container held at 50 %, where the engine's readings, a collector tick
 * apart, cannot come that close. The interval may change at any time and
 * then counts from the start of the current round. After a failed round the next one waits for the
 * {@link Backoff}, if one is given, counted from the failed round's end; the scheduled rounds that
 * fall in that wait are skipped (and count towards {@link Builder#rounds(long)}).
 *
 * <p>Reachability: the first request of a round decides it: with {@link Builder#pingFirst()} the
 * ping (the round then fails as {@link Failure.Kind#UNREACHABLE} with "Docker not reachable"),
 * otherwise the container list. The {@link Reachability} hears it before the listener hears the round.
 *
 * <p>Threads: {@link #start()} runs the loop on a virtual thread of its own, {@link #run()} on the
 * caller's. {@link #stop()} ends the loop after the round in progress (which is still delivered);
 * {@link #close()} also aborts the requests in flight and delivers nothing more. The poller owns its
 * collector, not the client.
 */
public final class StatsPoller implements AutoCloseable {

    /** Hears each round, on the poller's thread. */
    public interface Listener {
        /** A round was collected; containers that did not answer are in {@link Round#failures()}. */
        void collected(Round round);

        /** A round could not be collected. */
        void failed(Failure failure);
    }

    /**
     * Why a round failed.
     *
     * @param message one line, worded for a person (never a stack trace)
     * @param took from the start of the round to the failure
     */
    public record Failure(Kind kind, String message, Duration took) {

        public enum Kind {
            /** The engine did not answer the round's first request (it is reported offline). */
            UNREACHABLE,
            /** The engine answered the ping but not the container list. */
            LIST,
            /** A bug in a round: reported, and the loop carries on. */
            BUG
        }
    }

    private final DockerClient client;
    private final StatsCollector collector;
    private final boolean all;
    private final Predicate<ContainerSummary> filter;
    private final boolean pingFirst;
    private final Reachability reachability;
    private final Backoff backoff;
    private final long rounds;
    private final String threadName;
    private final Listener listener;
    private final Pacer pacer = new Pacer();
    private volatile Duration interval;
    private volatile boolean stopped;
    private volatile boolean closed;
    private Thread thread;

    private StatsPoller(Builder b, Listener listener) {
        this.client = b.client;
        this.collector = new StatsCollector(b.client, b.concurrency);
        this.all = b.all;
        this.filter = b.filter;
        this.pingFirst = b.pingFirst;
        this.reachability = b.reachability != null ? b.reachability : new Reachability((online, error) -> {});
        this.backoff = b.backoff;
        this.rounds = b.rounds;
        this.threadName = b.threadName;
        this.interval = b.interval;
        b.client.statsRoundsEvery(b.interval);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A poller of {@code client}'s running containers every {@code interval}, without ping or backoff, until stopped. */
    public static Builder of(DockerClient client, Duration interval) {
        return new Builder(client, interval);
    }

    /** Runs the loop on a virtual thread of its own; call once. */
    public synchronized StatsPoller start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Thread.ofVirtual().name(threadName).start(this::run);
        return this;
    }

    /** Runs the loop on this thread until the round limit is reached or the poller stops. */
    public void run() {
        long due = System.nanoTime(); // when the current round was due
        long slots = 0;
        while (!stopped) {
            boolean ok = round();
            long ended = System.nanoTime();
            slots++;
            long retryAt = 0;
            if (backoff != null) {
                if (ok) {
                    backoff.reset();
                } else {
                    retryAt = System.nanoTime() + backoff.next().toNanos();
                    // the scheduled rounds inside the wait are skipped, not made up later
                    slots += Math.max(0, Math.ceilDiv(retryAt - due, interval.toNanos()) - 1);
                }
            }
            if (rounds > 0 && slots >= rounds) {
                return;
            }
            long current = due;
            long backoffUntil = retryAt;
            boolean spaced = ok && readsWhenAsked();
            // the interval is read when the wait is checked, not here: it may change during the wait
            // (serve-ipc hears set_metrics_interval just after its first round, at Dockhand's 30 s)
            LongSupplier nextDue = () -> {
                long every = interval.toNanos();
                return Math.max(Math.max(current + every, backoffUntil), spaced ? ended + every / 2 : 0);
            };
            if (!pacer.awaitUntil(nextDue)) {
                return;
            }
            // a round later than its time is followed at once, not by a burst of catch-up rounds
            due = Math.max(nextDue.getAsLong(), System.nanoTime() - 1_000_000L);
        }
    }

    /** Whether a round's readings are made when it asks, not at the engine's next collection. */
    private boolean readsWhenAsked() {
        return !client.statsSource().spacing().isZero();
    }

    /** One round, the listener told; true when it was collected. */
    private boolean round() {
        long started = System.nanoTime();
        try {
            if (pingFirst) {
                try {
                    client.ping(DockerClient.PING_TIMEOUT);
                } catch (DockerException e) {
                    return fail(Failure.Kind.UNREACHABLE, "Docker not reachable", started);
                }
                reachability.online();
            }
            Round round;
            try {
                round = collector.collect(all, filter);
            } catch (DockerException e) {
                return fail(pingFirst ? Failure.Kind.LIST : Failure.Kind.UNREACHABLE, e.getMessage(), started);
            }
            if (closed) {
                return true;
            }
            if (!pingFirst) {
                reachability.online();
            }
            listener.collected(round);
            return true;
        } catch (RejectedExecutionException e) {
            if (closed) {
                return false; // close() stopped the collector in the middle of a round
            }
            return fail(Failure.Kind.BUG, e.toString(), started);
        } catch (RuntimeException e) {
            // a resident loop must outlive a bug in one of its rounds: report it and carry on
            return fail(Failure.Kind.BUG, e.toString(), started);
        }
    }

    private boolean fail(Failure.Kind kind, String message, long started) {
        if (!closed) {
            if (kind == Failure.Kind.UNREACHABLE) {
                reachability.offline(message);
            }
            listener.failed(new Failure(kind, message, Duration.ofNanos(System.nanoTime() - started)));
        }
        return false;
    }

    /** A new interval, from the start of the current round. */
    public void interval(Duration next) {
        requirePositive(next);
        interval = next;
        client.statsRoundsEvery(next);
        pacer.wake();
    }

    public Duration interval() {
        return interval;
    }

    /** Ends the loop after the round in progress, which is still delivered. */
    public void stop() {
        stopped = true;
        pacer.close();
    }

    /** Ends the loop and aborts the requests in flight; nothing more is delivered. Does not close the client. */
    @Override
    public void close() {
        closed = true;
        stop();
        collector.close();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }

    /** Waits for the loop's thread to end after {@link #close()}; true when it did in time. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        return t == null || t.join(timeout);
    }

    private static void requirePositive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + d);
        }
    }

    /** What a poller collects and how it paces itself. */
    public static final class Builder {
        private final DockerClient client;
        private final Duration interval;
        private boolean all;
        private Predicate<ContainerSummary> filter = c -> true;
        private int concurrency = StatsCollector.DEFAULT_CONCURRENCY;
        private boolean pingFirst;
        private Reachability reachability;
        private Backoff backoff;
        private long rounds;
        private String threadName = "dockstat-stats-poller";

        private Builder(DockerClient client, Duration interval) {
            requirePositive(interval);
            this.client = Objects.requireNonNull(client, "client");
            this.interval = interval;
        }

        /** Which listed containers: stopped ones too with {@code all}, those passing {@code filter}. */
        public Builder containers(boolean all, Predicate<ContainerSummary> filter) {
            this.all = all;
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** The most stats requests in flight at once. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Ping before each round, as Dockhand's worker does: an engine that does not answer is offline. */
        public Builder pingFirst() {
            this.pingFirst = true;
            return this;
        }

        /** Where the engine's status goes; shared with other loops of the same engine. */
        public Builder reachability(Reachability reachability) {
            this.reachability = reachability;
            return this;
        }

        /** Waits after a failed round (reset by a good one). */
        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /** Scheduled rounds before {@link #run()} returns, skipped ones included; 0 = until stopped. */
        public Builder rounds(long rounds) {
            if (rounds < 0) {
                throw new IllegalArgumentException("rounds must not be negative, got " + rounds);
            }
            this.rounds = rounds;
            return this;
        }

        public Builder threadName(String name) {
            this.threadName = name;
            return this;
        }

        public StatsPoller listener(Listener listener) {
            return new StatsPoller(this, listener);
        }
    }
}
