package dev.dockstat.exporter;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.loop.Reachability;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsPoller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the latest round of one engine as an {@link EngineSnapshot}: a listener of a
 * {@link StatsPoller} on the running containers, every interval. A failed round marks the engine down and
 * drops its containers, so Prometheus sees them go stale instead of frozen values; the outage and
 * the recovery are one line each ({@link Reachability}).
 */
final class EngineScraper implements AutoCloseable {

    private final Environment environment;
    private final DockerClient client;
    private final StatsPoller poller;
    private volatile EngineSnapshot latest;
    private final ScrapeDemand demand;
    private final CompletableFuture<Void> firstRound = new CompletableFuture<>();
    private long rounds; // poller thread only
    private long errors;
    private boolean wasOffline;

    EngineScraper(Environment environment, DockerClient client, int concurrency, Duration interval, ScrapeDemand demand,
            Consumer<String> diagnostics) {
        this.environment = environment;
        this.client = client;
        this.demand = demand;
        this.latest = EngineSnapshot.notYet(environment.name());
        Reachability reachability = new Reachability((online, error) -> {
            if (!online) {
                wasOffline = true;
                diagnostics.accept("engine " + environment.name() + ": " + error);
            } else if (wasOffline) { // the first good round needs no word
                diagnostics.accept("engine " + environment.name() + ": reachable again");
            }
        });
        this.poller = StatsPoller.of(client, interval)
                .concurrency(concurrency)
                .reachability(reachability)
                .threadName("dockstat-scrape-" + environment.name())
                .listener(new StatsPoller.Listener() {
                    @Override
                    public void collected(Round round) {
                        rounds++;
                        publish(new EngineSnapshot(environment.name(), true, round.took(), rounds, errors, pair(round)));
                        client.releaseAfterRound(interval); // kept below 10 s: see DockerClient
                    }

                    @Override
                    public void failed(StatsPoller.Failure failure) {
                        rounds++;
                        errors++;
                        publish(new EngineSnapshot(environment.name(), false, failure.took(), rounds, errors, List.of()));
                    }
                });
    }

    EngineSnapshot latest() {
        return latest;
    }

    /** Completes when the first round has ended, whether the engine answered or not. */
    CompletableFuture<Void> firstRound() {
        return firstRound;
    }

    void start() {
        poller.start();
    }

    private void publish(EngineSnapshot snapshot) {
        snapshot.lines().prepare(demand); // here, on the round's thread, rather than in a scrape
        latest = snapshot;
        firstRound.complete(null);
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

    @Override
    public void close() {
        poller.close();
        client.close();
    }
}
