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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
 * <p>A container seen for the first time is read with {@link StatsMode#WITH_PRECPU} (about 2 s) so
 * even the first round has a CPU figure; later rounds use one-shot readings (one tick). A container
 * that has not answered by the round's soft deadline is left out of the round (reported in
 * {@link Round#failures()}) so one slow container never holds up the others; its answer, when it
 * comes, still serves as the previous reading for the next round.
 *
 * <p>Not thread-safe: one round at a time. {@link #close()} stops requests still running.
 */
public final class StatsCollector implements AutoCloseable {

    public static final int DEFAULT_CONCURRENCY = PoolSizes.DEFAULT_FANOUT;
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final DockerClient client;
    private final int concurrency;
    private final Semaphore permits;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("dockstat-stats-", 0).factory());
    private final Map<String, StatsSample> previous = new ConcurrentHashMap<>();

    public StatsCollector(DockerClient client, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
        }
        this.client = client;
        this.concurrency = concurrency;
        this.permits = new Semaphore(concurrency);
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
        Map<String, CompletableFuture<ContainerStats>> pending = new LinkedHashMap<>();
        boolean anyFirst = false;
        for (ContainerSummary c : containers) {
            StatsSample before = previous.get(c.id());
            boolean first = c.running() && (before == null || before.empty());
            anyFirst |= first;
            pending.put(c.id(), read(c, first ? StatsMode.WITH_PRECPU : StatsMode.ONE_SHOT));
        }
        long softDeadline = t0 + softBudget(containers.size(), anyFirst).toNanos();
        List<ContainerStats> stats = new ArrayList<>(containers.size());
        Map<String, String> failures = new LinkedHashMap<>();
        for (var e : pending.entrySet()) {
            await(e.getKey(), e.getValue(), softDeadline, stats, failures);
        }
        forgetGone(containers);
        return new Round(started, Duration.ofNanos(System.nanoTime() - t0), containers, stats, failures);
    }

    /** Ticks the requests need (queued ones wait for later ticks), plus slack. */
    private Duration softBudget(int n, boolean anyFirst) {
        long batches = Math.max(1, (n + concurrency - 1) / concurrency);
        return TICK.multipliedBy(batches * (anyFirst ? 2 : 1)).plus(SLACK);
    }

    private CompletableFuture<ContainerStats> read(ContainerSummary container, StatsMode mode) {
        CompletableFuture<ContainerStats> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                permits.acquire();
                try {
                    StatsSample sample = client.stats(container.id(), mode);
                    StatsSample before = previous.put(container.id(), sample);
                    result.complete(StatsCalculator.compute(sample, before));
                } finally {
                    permits.release();
                }
            } catch (InterruptedException e) {
                result.completeExceptionally(new DockerException("stopped"));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static void await(String id, CompletableFuture<ContainerStats> future, long deadlineNanos,
            List<ContainerStats> stats, Map<String, String> failures) {
        try {
            long wait = Math.max(0, deadlineNanos - System.nanoTime());
            stats.add(future.get(wait, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            failures.put(id, "stats: no answer within the round");
        } catch (java.util.concurrent.ExecutionException e) {
            failures.put(id, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.put(id, "interrupted");
        }
    }

    /** Previous readings of containers no longer listed would only grow the map. */
    private void forgetGone(List<ContainerSummary> listed) {
        Set<String> ids = new HashSet<>();
        listed.forEach(c -> ids.add(c.id()));
        previous.keySet().retainAll(ids);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
