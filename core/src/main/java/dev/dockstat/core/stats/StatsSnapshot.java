package dev.dockstat.core.stats;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.api.StatsSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * One reading of a set of containers with a valid CPU figure, as {@code docker stats --no-stream}
 * prints it.
 *
 * <p>Why two one-shot readings: a one-shot request returns at the engine's next 1 s tick without
 * precpu; a second one, sent as soon as the first returns, comes back one tick later. That gives
 * the CPU interval in 1-2 s, where {@code stream=false} (the docker CLI's way) always takes 2 s.
 * All containers are read in parallel, so the whole snapshot takes the same 1-2 s for any number.
 * With the kernel source the two readings are its {@linkplain StatsSource#spacing() gap} apart
 * (~200 ms) instead.
 */
public final class StatsSnapshot {

    /** The reading of one requested container, or why there is none. */
    public record Entry(String target, ContainerStats stats, DockerException error) {
        public boolean ok() {
            return error == null;
        }
    }

    private StatsSnapshot() {}

    /** Reads every target (a name, ID or ID prefix) in parallel on virtual threads; the result keeps their order. */
    public static List<Entry> take(DockerClient client, List<String> targets) {
        return take(client, targets, Thread.ofVirtual().name("dockstat-snapshot-", 0).factory());
    }

    /** As {@link #take(DockerClient, List)}, one thread of {@code threads} per target. */
    public static List<Entry> take(DockerClient client, List<String> targets, ThreadFactory threads) {
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(threads)) {
            List<Future<Entry>> futures = new ArrayList<>(targets.size());
            for (String target : targets) {
                futures.add(executor.submit(() -> read(client, target)));
            }
            List<Entry> entries = new ArrayList<>(targets.size());
            for (int i = 0; i < futures.size(); i++) {
                entries.add(join(futures.get(i), targets.get(i)));
            }
            return entries;
        }
    }

    private static Entry read(DockerClient client, String target) {
        StatsSource source = client.statsSource();
        try {
            StatsSample first = source.sample(target, StatsMode.ONE_SHOT);
            if (first.empty()) { // not running: nothing to wait for
                return new Entry(target, StatsCalculator.compute(first, null), null);
            }
            long gap = source.spacing().toNanos();
            if (gap > 0) { // a source that reads now: the CPU interval is this gap
                Thread.sleep(Duration.ofNanos(gap));
            }
            StatsSample second = source.sample(first.id(), StatsMode.ONE_SHOT);
            return new Entry(target, StatsCalculator.compute(second, first), null);
        } catch (DockerException e) {
            return new Entry(target, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Entry(target, null, new DockerException("interrupted"));
        }
    }

    private static Entry join(Future<Entry> future, String target) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Entry(target, null, cause instanceof DockerException d ? d : new DockerException(String.valueOf(cause), cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Entry(target, null, new DockerException("interrupted"));
        }
    }
}
