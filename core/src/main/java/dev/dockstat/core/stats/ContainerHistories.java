package dev.dockstat.core.stats;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.history.HistoryBatch;
import dev.dockstat.core.history.MetricHistory;
import dev.dockstat.core.model.ContainerState;
import dev.dockstat.core.model.StatsSample;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Per-container histories of one environment, each fed by its own poller (serve-ipc's
 * container metrics): the first read of a container starts a poller that takes a reading every
 * {@code interval} into a {@link MetricHistory}; a poller whose container nobody read for
 * {@code idleTimeout} stops, and its history is dropped.
 *
 * <p>The first reading is {@link StatsMode#WITH_PRECPU} (the engine's own interval, ~2 s), so the
 * first point exists before the second interval; later ones are one-shot readings (one tick) whose
 * CPU is computed against the poller's previous reading. Point times are this process's clock
 * ({@code clock}), the same clock the idle timeout runs on, so a test can stop pollers by moving it.
 *
 * <p>Thread-safe. {@link #close()} stops every poller within about a second.
 */
public final class ContainerHistories implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** How long {@link #close()} waits for poller threads to end. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

    /**
     * A read: the points after the cursor, and whether the container runs. A container that is not
     * running (stopped, or unknown) gives no points, as docs/serve-ipc.md says; its poller, if any, keeps
     * its history until the idle timeout in case it starts again.
     *
     * @param containerId the full ID ({@code idOrName} resolved), or the name asked for when unknown
     */
    public record Read(String containerId, HistoryBatch points, boolean running) {}

    private final DockerClient client;
    private final Duration interval;
    private final Duration idleTimeout;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Poller> pollers = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private volatile boolean closed;

    /**
     * @param interval time between readings of one container
     * @param idleTimeout a poller stops when its container was not read for this long
     * @param capacity points kept per container
     * @param clock point times and the idle timeout
     * @param threadFactory makes each poller's thread; virtual threads by default
     */
    public ContainerHistories(DockerClient client, Duration interval, Duration idleTimeout, int capacity, Clock clock,
            ThreadFactory threadFactory) {
        this.client = client;
        this.interval = interval;
        this.idleTimeout = idleTimeout;
        this.capacity = capacity;
        this.clock = clock;
        this.threads = Executors.newThreadPerTaskExecutor(threadFactory);
    }

    public ContainerHistories(DockerClient client, Duration interval, Duration idleTimeout, int capacity, Clock clock) {
        this(client, interval, idleTimeout, capacity, clock, Thread.ofVirtual().name("dockstat-history-", 0).factory());
    }

    public ContainerHistories(DockerClient client) {
        this(client, DEFAULT_INTERVAL, DEFAULT_IDLE_TIMEOUT, MetricHistory.DEFAULT_CAPACITY, Clock.systemUTC());
    }

    /**
     * The points of a container after {@code cursor}, starting its poller if none runs. An unknown
     * or stopped container gives an empty batch, the same cursor back, and {@code running = false}.
     *
     * @throws DockerException when the engine cannot be asked
     */
    public Read read(String idOrName, long cursor, HistoryBatch into) {
        ContainerState state;
        try {
            state = client.inspect(idOrName);
        } catch (NotFoundException e) {
            return new Read(idOrName, empty(into, cursor), false);
        }
        Poller poller = pollers.get(state.id());
        if (poller == null && state.running() && !closed) {
            poller = pollers.computeIfAbsent(state.id(), this::start);
        }
        if (poller != null) {
            poller.lastRead = clock.millis();
        }
        if (poller == null || !state.running()) {
            return new Read(state.id(), empty(into, cursor), false);
        }
        poller.history.read(cursor, into);
        return new Read(state.id(), into, true);
    }

    private static HistoryBatch empty(HistoryBatch into, long cursor) {
        return into.clear(cursor);
    }

    /** Containers with a running poller. */
    public int active() {
        return pollers.size();
    }

    private Poller start(String id) {
        Poller poller = new Poller(id, new MetricHistory(capacity), clock.millis());
        try {
            threads.execute(poller::run);
        } catch (RejectedExecutionException e) {
            return null; // closed meanwhile: no poller, nothing mapped
        }
        return poller;
    }

    private final class Poller {
        final String id;
        final MetricHistory history;
        volatile long lastRead;
        private StatsSample previous;

        Poller(String id, MetricHistory history, long now) {
            this.id = id;
            this.history = history;
            this.lastRead = now;
        }

        void run() {
            try {
                while (!closed && clock.millis() - lastRead < idleTimeout.toMillis()) {
                    long next = System.nanoTime() + interval.toNanos();
                    if (!sample()) {
                        break;
                    }
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                    if (Thread.interrupted()) {
                        break;
                    }
                }
            } finally {
                pollers.remove(id, this);
            }
        }

        /** One reading into the history; false when the container is gone. */
        private boolean sample() {
            try {
                StatsSample sample = client.statsSource().sample(id, previous == null ? StatsMode.WITH_PRECPU : StatsMode.ONE_SHOT);
                if (sample.empty()) {
                    previous = null; // stopped: the next start is a new instance
                    return true;
                }
                ContainerStats stats = StatsCalculator.compute(sample, previous);
                previous = sample;
                if (stats.hasCpu()) {
                    history.append(clock.millis(), (float) stats.cpuPercent(), (float) stats.memPercent());
                }
                return true;
            } catch (NotFoundException e) {
                return false;
            } catch (DockerException e) {
                return true; // the engine is away; try again next interval
            } catch (RuntimeException e) {
                // an interrupted request can surface as the HTTP library's own cancellation
                return !closed;
            }
        }
    }

    /**
     * Stops every poller (interrupting a reading in progress, which releases its connection) and
     * waits up to {@link #CLOSE_WAIT} for their threads to end. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
        try {
            threads.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pollers.clear();
    }
}
