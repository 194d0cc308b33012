package dev.dockstat.core.stats;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.spi.PoolSizes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Collects rounds for one environment: list the containers, then every stats request in flight at
 * once (up to {@code concurrency}), CPU from this round's reading and the previous round's.
 *
 * <p>Why all at once: each stats request waits for the engine's next 1 s tick, so requests in
 * batches of 8 make a round take about N/8 seconds; sent together they all return at the same tick.
 *
 * <p>A container seen for the first time is read twice, a tick apart ({@link StatsMode#WITH_PRECPU},
 * or two one-shot readings for a round's primer, see {@link #readPrimedRound}), so even its first
 * round has a CPU figure; later rounds use one one-shot reading each (one tick). A container
 * that has not answered by the round's soft deadline is left out of the round (reported in
 * {@link Round#failures()}) so one slow container never holds up the others; its request is not
 * repeated while it is still running (a hung container costs one connection, not one per round),
 * and its answer, when it comes, serves the next round.
 *
 * <p>Each reading goes through the client's {@link DockerClient#statsSource() stats source}: the
 * engine's API, or the kernel's cgroup files on a local engine, which answer at once instead of at
 * the engine's next tick (a round then takes milliseconds, and the CPU interval is the time between
 * rounds).
 *
 * <p>One round at a time ({@link #collect} is not reentrant); {@link #close()} may be called from
 * any thread, also during a round.
 */
public final class StatsCollector implements AutoCloseable {

    public static final int DEFAULT_CONCURRENCY = PoolSizes.DEFAULT_FANOUT;
    /** How long {@link #close()} waits for request threads to end. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final Duration TICK = Duration.ofSeconds(1);
    /**
     * The longest the rest of a primed round waits for its primer: an engine whose collector
     * runs anyway answers within a tick; one that does not answer (a hung container as the
     * primer) must not cost the others their round.
     */
    private static final Duration PRIMER_WAIT = TICK.plusMillis(250);
    /**
     * dockerd's collector goes idle one tick after its last reading for anyone; until then it
     * sleeps, and requests sent all at once reach it asleep and share its next tick without a
     * primer (which would cost rounds a second apart, the live view's, a tick each).
     */
    private static final long IDLE_AFTER_NANOS = TICK.plusMillis(50).toNanos();
    /**
     * How long after its primer's answer the rest of a primed round is sent: the collector sleeps
     * a tick from that answer, and a request reaching it asleep is answered at its next tick
     * whenever it was sent. Sent at once, each request held its connection, buffers and thread
     * stack for the whole tick; sent late, for the last few hundred milliseconds of it. At 100
     * environments x 50 containers those objects outlived the young generation and were promoted,
     * filling the old one (a full collection every 15 s; sent late, 15 % less time in collections,
     * and fewer sockets open at once). The margin left
     * before the tick (350 ms, less the round's own listing time twice, as a round trip's upper
     * bound) covers a loaded engine's handling of the requests; a request that still misses the tick
     * is answered at the next one, as every request of an unprimed round may be.
     */
    public static final Duration REST_DELAY = Duration.ofMillis(650);

    private final DockerClient client;
    private final int concurrency;
    private final Semaphore permits;
    private final ExecutorService executor;
    private final Map<String, StatsSample> previous = new ConcurrentHashMap<>();
    /** When a reading last came back ({@link System#nanoTime()}); 0 before the first. */
    private volatile long lastAnswerNanos;
    /** Requests still running, by container id, so a straggler is awaited again rather than repeated. */
    private final Map<String, CompletableFuture<ContainerStats>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param concurrency the most stats requests in flight at once (the environment's fan-out pool
     *     should be at least this large)
     * @param threads makes the thread of each request; virtual threads by default
     */
    public StatsCollector(DockerClient client, int concurrency, ThreadFactory threads) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
        }
        this.client = client;
        this.concurrency = concurrency;
        this.permits = new Semaphore(concurrency);
        this.executor = Executors.newThreadPerTaskExecutor(threads);
    }

    public StatsCollector(DockerClient client, int concurrency) {
        this(client, concurrency, Thread.ofVirtual().name("dockstat-stats-", 0).factory());
    }

    public StatsCollector(DockerClient client) {
        this(client, DEFAULT_CONCURRENCY);
    }

    /** A round over running containers that pass {@code filter}. */
    public Round collect(Predicate<ContainerSummary> filter) {
        return collect(false, filter);
    }

    /**
     * A round over the containers that pass {@code filter}; with {@code all}, stopped ones too.
     *
     * @throws DockerException when the container list cannot be read (the engine is down)
     */
    public Round collect(boolean all, Predicate<ContainerSummary> filter) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        List<ContainerSummary> containers = client.containers(all).stream().filter(filter).toList();
        long listed = System.nanoTime() - t0;
        Map<String, CompletableFuture<ContainerStats>> pending = new HashMap<>();
        List<ContainerSummary> fresh = new ArrayList<>();
        List<ContainerSummary> known = new ArrayList<>();
        for (ContainerSummary c : containers) {
            CompletableFuture<ContainerStats> running = inFlight.get(c.id());
            if (running != null && !running.isDone()) {
                pending.put(c.id(), running);
                continue;
            }
            StatsSample before = previous.get(c.id());
            (c.running() && (before == null || before.empty()) ? fresh : known).add(c);
        }
        boolean primed = client.statsSource().pacedByEngineCollector() && collectorIdle();
        long softDeadline = t0 + softBudget(containers.size(), !fresh.isEmpty(), primed).toNanos();
        if (primed) {
            readPrimedRound(fresh, known, pending, softDeadline, listed);
        } else {
            fresh.forEach(c -> pending.put(c.id(), read(c.id(), StatsMode.WITH_PRECPU)));
            known.forEach(c -> pending.put(c.id(), read(c.id(), StatsMode.ONE_SHOT)));
        }
        List<ContainerStats> stats = new ArrayList<>(containers.size());
        Map<String, String> failures = new LinkedHashMap<>();
        for (ContainerSummary c : containers) {
            await(c.id(), pending.get(c.id()), softDeadline, stats, failures);
        }
        forgetGone(containers);
        return new Round(started, Duration.ofNanos(System.nanoTime() - t0), containers, stats, failures);
    }

    /**
     * A round against an engine that reads on its own collector's tick (see
     * {@link dev.dockstat.core.api.StatsSource#pacedByEngineCollector()}). Sent all at once, the
     * requests race that collector: an idle one reads at once for the first request and whichever
     * others came in time, the rest a tick later, so a round ended anywhere from at once to two ticks
     * after its start, and consecutive rounds were up to a second more or less than the interval
     * apart. Here, when the collector has been left idle, one request goes first, the primer: a container seen for the first time if there
     * is one (its second one-shot reading, a tick later, gives its CPU figure), else a known one.
     * When it is answered the collector has just read and sleeps a tick, so every other request
     * reaches it asleep and is answered at its next tick (they are sent late in that tick, see
     * {@link #REST_DELAY}). A round therefore ends one tick after its
     * first answer, or two when more than one container is new (the others' {@code stream=false}
     * takes two ticks): a fixed length for a given set of containers, not a race. (Several primers
     * raced each other: a fleet run with three new containers a round saw a fifth of its rounds a
     * tick longer than the one before.)
     */
    private void readPrimedRound(List<ContainerSummary> fresh, List<ContainerSummary> known,
            Map<String, CompletableFuture<ContainerStats>> pending, long softDeadline, long listNanos) {
        List<ContainerSummary> freshRest = fresh;
        List<ContainerSummary> knownRest = known;
        CompletableFuture<ContainerStats> primer = null;
        if (!fresh.isEmpty()) {
            String id = fresh.getFirst().id();
            primer = read(id, StatsMode.ONE_SHOT);
            pending.put(id, primer.thenCompose(base -> read(id, StatsMode.ONE_SHOT)));
            freshRest = fresh.subList(1, fresh.size());
        } else {
            int i = indexOfRunning(known);
            if (i >= 0) {
                String id = known.get(i).id();
                primer = read(id, StatsMode.ONE_SHOT);
                pending.put(id, primer);
                knownRest = new ArrayList<>(known);
                knownRest.remove(i);
            }
        }
        if (primer != null && awaitPrimer(primer, Math.min(softDeadline, System.nanoTime() + PRIMER_WAIT.toNanos()))) {
            pause(REST_DELAY.toNanos() - 2 * listNanos);
        }
        freshRest.forEach(c -> pending.put(c.id(), read(c.id(), StatsMode.WITH_PRECPU)));
        knownRest.forEach(c -> pending.put(c.id(), read(c.id(), StatsMode.ONE_SHOT)));
    }

    /** Whether the engine's collector has been left idle: no reading for this collector came back within a tick. */
    private boolean collectorIdle() {
        long last = lastAnswerNanos;
        return last == 0 || System.nanoTime() - last > IDLE_AFTER_NANOS;
    }

    private static int indexOfRunning(List<ContainerSummary> containers) {
        for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i).running()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Until the primer is answered, failed or not, or the deadline passes; true when it was
     * answered, i.e. the engine's collector has just read.
     */
    private static boolean awaitPrimer(CompletableFuture<ContainerStats> primer, long deadlineNanos) {
        try {
            primer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false; // a failed or late primer only means the rest go now; the container's own wait reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits {@code nanos} (nothing when not positive); an interrupt (closing) ends it early. */
    private static void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ticks the requests need (queued ones wait for later ticks), plus slack: a first reading takes
     * two, and a primed round's primer one more before the rest.
     */
    private Duration softBudget(int n, boolean anyFirst, boolean primed) {
        long batches = Math.max(1, (n + concurrency - 1) / concurrency);
        long ticks = batches * (anyFirst ? 2 : 1) + (primed ? 1 : 0);
        return TICK.multipliedBy(ticks).plus(SLACK);
    }

    private CompletableFuture<ContainerStats> read(String id, StatsMode mode) {
        CompletableFuture<ContainerStats> result = new CompletableFuture<>();
        inFlight.put(id, result);
        result.whenComplete((stats, error) -> inFlight.remove(id, result));
        try {
            executor.execute(() -> {
                try {
                    permits.acquire();
                    try {
                        StatsSample sample = client.statsSource().sample(id, mode);
                        lastAnswerNanos = System.nanoTime();
                        StatsSample before = previous.put(id, sample);
                        result.complete(StatsCalculator.compute(sample, before));
                    } finally {
                        permits.release();
                    }
                } catch (InterruptedException e) {
                    result.completeExceptionally(new DockerException("stats: collector closed"));
                } catch (DockerException e) {
                    result.completeExceptionally(e);
                } catch (RuntimeException e) {
                    // e.g. the HTTP library's CancellationException for an aborted exchange, which a
                    // future would rethrow as is from get() instead of as a failure of this request
                    result.completeExceptionally(new DockerException(reason(e), e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new DockerException("stats: collector closed"));
        }
        return result;
    }

    private static void await(String id, CompletableFuture<ContainerStats> future, long deadlineNanos,
            List<ContainerStats> stats, Map<String, String> failures) {
        try {
            long wait = Math.max(0, deadlineNanos - System.nanoTime());
            stats.add(future.get(wait, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            failures.put(id, "stats: no answer within the round");
        } catch (ExecutionException e) {
            failures.put(id, reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.put(id, "interrupted");
        }
    }

    /**
     * A failure's reason for {@link Round#failures()}, never null: an interrupted or cancelled
     * request can fail with an exception that has no message.
     */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message != null && !message.isBlank() ? message : "stats: " + failure.getClass().getSimpleName();
    }

    /** Previous readings of containers no longer listed would only grow the map. */
    private void forgetGone(List<ContainerSummary> listed) {
        Set<String> ids = new HashSet<>();
        listed.forEach(c -> ids.add(c.id()));
        previous.keySet().retainAll(ids);
    }

    /**
     * Stops every request still running (their threads are interrupted, which aborts a blocked
     * socket read and releases its connection) and waits up to {@link #CLOSE_WAIT} for their
     * threads to end. A round running meanwhile returns with the unfinished containers as failures.
     * Idempotent.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
