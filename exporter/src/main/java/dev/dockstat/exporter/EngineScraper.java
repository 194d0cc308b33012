package dev.dockstat.exporter;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Collects rounds from one engine every interval on a virtual thread and keeps the latest as an
 * {@link EngineSnapshot}. A failed round marks the engine down and drops its containers, so
 * Prometheus sees them go stale instead of frozen values.
 */
final class EngineScraper implements AutoCloseable {

    private final Environment environment;
    private final DockerClient client;
    private final StatsCollector collector;
    private final Duration interval;
    private final Consumer<String> diagnostics;
    private volatile EngineSnapshot latest;
    private final CompletableFuture<Void> firstRound = new CompletableFuture<>();
    private volatile boolean closed;
    private Thread thread;
    private long rounds;
    private long errors;
    private String lastError;

    EngineScraper(Environment environment, DockerClient client, int concurrency, Duration interval,
            Consumer<String> diagnostics) {
        this.environment = environment;
        this.client = client;
        this.collector = new StatsCollector(client, concurrency);
        this.interval = interval;
        this.diagnostics = diagnostics;
        this.latest = EngineSnapshot.notYet(environment.name());
    }

    EngineSnapshot latest() {
        return latest;
    }

    /** Completes when the first round has ended, whether the engine answered or not. */
    CompletableFuture<Void> firstRound() {
        return firstRound;
    }

    void start() {
        thread = Thread.ofVirtual().name("dockstat-scrape-" + environment.name()).start(this::loop);
    }

    private void loop() {
        while (!closed) {
            long next = System.nanoTime() + interval.toNanos();
            latest = collectOnce();
            firstRound.complete(null);
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    /** One round into a snapshot; never throws. */
    EngineSnapshot collectOnce() {
        long t0 = System.nanoTime();
        try {
            Round round = collector.collect(c -> true);
            rounds++;
            reportRecovery();
            return new EngineSnapshot(environment.name(), true, round.took(), rounds, errors, pair(round));
        } catch (DockerException e) {
            rounds++;
            errors++;
            if (!closed) {
                reportFailure(e.getMessage());
            }
            return new EngineSnapshot(environment.name(), false, Duration.ofNanos(System.nanoTime() - t0), rounds, errors, List.of());
        }
    }

    private static List<EngineSnapshot.Container> pair(Round round) {
        Map<String, ContainerSummary> byId = round.containers().stream()
                .collect(Collectors.toMap(ContainerSummary::id, Function.identity(), (a, b) -> a));
        List<EngineSnapshot.Container> out = new ArrayList<>(round.stats().size());
        for (ContainerStats stats : round.stats()) {
            ContainerSummary summary = byId.get(stats.id());
            if (summary != null) {
                out.add(new EngineSnapshot.Container(summary, stats));
            }
        }
        return out;
    }

    /** One line per outage, not one per round. */
    private void reportFailure(String message) {
        if (!message.equals(lastError)) {
            diagnostics.accept("engine " + environment.name() + ": " + message);
            lastError = message;
        }
    }

    private void reportRecovery() {
        if (lastError != null) {
            diagnostics.accept("engine " + environment.name() + ": reachable again");
            lastError = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            thread.interrupt();
        }
        collector.close();
        client.close();
    }
}
