package dev.dockstat.bench;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCollector;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Round latency on the test bed's engine: for N running containers, the time of a collection round
 * (list + every stats request), dockstat's default cap against the same code capped at 8 (the Go
 * worker's width). Starts N idle busybox containers ({@code --network none}, named
 * {@code dst-me-round-NN}), measures, removes them. Run with {@code scripts/measure-rounds}.
 *
 * <p>Arguments: {@code [--pause=SECONDS] [--prefix=NAME] [--default-cap-only] [--json=FILE]
 * [rounds per setting, default 7] [N...] (default 10 30 60)}. The first round of each collector
 * reads with precpu (~2 s) and is reported apart; the median is over the rest. Rounds run back to
 * back unless {@code --pause} leaves the connections idle between them, as a real poller does (the
 * IPC default is a round every 30 s). Containers named {@code PREFIXNN} that already run are used as
 * they are and left running ({@code scripts/bench} starts them once for all its measurements); only
 * the ones started here are removed. {@code --json} also writes the figures to a file.
 */
public final class RoundLatency {

    private RoundLatency() {}

    /** The figures of one setting: N containers, a cap on requests in flight, round times in seconds. */
    private record Setting(int n, int cap, double first, double median, double min, double max, int failures) {
        String json() {
            return String.format(Locale.ROOT, "{\"n\":%d,\"cap\":%d,\"defaultCap\":%b,\"first\":%.3f,\"median\":%.3f,\"min\":%.3f,\"max\":%.3f,\"failures\":%d}",
                    n, cap, cap == StatsCollector.DEFAULT_CONCURRENCY, first, median, min, max, failures);
        }
    }

    public static void main(String[] argv) throws Exception {
        long pauseMillis = (long) (Double.parseDouble(option(argv, "--pause=", "0")) * 1000);
        String prefix = option(argv, "--prefix=", "dst-me-round-");
        String json = option(argv, "--json=", null);
        boolean defaultCapOnly = Arrays.asList(argv).contains("--default-cap-only");
        String[] args = Arrays.stream(argv).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int[] sizes = args.length > 1 ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray() : new int[] {10, 30, 60};
        int[] caps = defaultCapOnly ? new int[] {StatsCollector.DEFAULT_CONCURRENCY} : new int[] {StatsCollector.DEFAULT_CONCURRENCY, 8};
        int max = Arrays.stream(sizes).max().orElse(0);
        List<String> names = IntStream.range(0, max).mapToObj(i -> String.format(Locale.ROOT, "%s%02d", prefix, i)).toList();
        List<String> started = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(started)));
        List<Setting> settings = new ArrayList<>();
        try (DockerClient client = TestBed.get().socketEnvironment().connect(TransportRegistry.load())) {
            Set<String> running = client.containers(false).stream().map(ContainerSummary::name).collect(Collectors.toCollection(HashSet::new));
            System.out.printf(Locale.ROOT, "rounds: 1 + %d per setting, %s between rounds%n", rounds,
                    pauseMillis == 0 ? "no pause" : pauseMillis + " ms");
            System.out.printf(Locale.ROOT, "%4s  %-8s  %10s  %10s  %10s  %10s  %s%n", "N", "cap", "first (s)", "median (s)", "min (s)", "max (s)", "failures");
            for (int n : sizes) {
                List<String> measured = names.subList(0, n);
                start(measured.stream().filter(name -> !running.contains(name)).toList(), running, started);
                for (int cap : caps) {
                    Setting s = measure(client, n, cap, rounds, pauseMillis, measured);
                    settings.add(s);
                    System.out.printf(Locale.ROOT, "%4d  %-8s  %10.3f  %10.3f  %10.3f  %10.3f  %d%n", n,
                            cap == StatsCollector.DEFAULT_CONCURRENCY ? cap + " (default)" : String.valueOf(cap),
                            s.first(), s.median(), s.min(), s.max(), s.failures());
                }
            }
        } finally {
            remove(started);
        }
        if (json != null) {
            Files.writeString(Path.of(json), String.format(Locale.ROOT, "{\"rounds\":%d,\"pauseMillis\":%d,\"settings\":[%s]}%n",
                    rounds, pauseMillis, settings.stream().map(Setting::json).collect(Collectors.joining(","))));
        }
    }

    private static String option(String[] argv, String name, String fallback) {
        return Arrays.stream(argv).filter(a -> a.startsWith(name)).reduce((a, b) -> b).map(a -> a.substring(name.length())).orElse(fallback);
    }

    private static void start(List<String> names, Set<String> running, List<String> started) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (String name : names) {
                pool.execute(() -> {
                    started.add(name);
                    TestBed.idle(name);
                });
            }
        }
        running.addAll(names);
    }

    private static void remove(List<String> names) {
        if (!names.isEmpty()) {
            TestBed.remove(names.toArray(String[]::new));
            names.clear();
        }
    }

    private static Setting measure(DockerClient client, int n, int cap, int rounds, long pauseMillis, List<String> names)
            throws InterruptedException {
        try (StatsCollector collector = new StatsCollector(client, cap)) {
            Round first = collector.collect(c -> names.contains(c.name()));
            if (first.containers().size() != n) {
                throw new IllegalStateException("expected " + n + " containers, listed " + first.containers().size());
            }
            double[] seconds = new double[rounds];
            int failures = first.failures().size();
            for (int i = 0; i < rounds; i++) {
                Thread.sleep(pauseMillis);
                Round r = collector.collect(c -> names.contains(c.name()));
                seconds[i] = r.took().toNanos() / 1e9;
                failures += r.failures().size();
            }
            Arrays.sort(seconds);
            return new Setting(n, cap, first.took().toNanos() / 1e9, seconds[rounds / 2], seconds[0], seconds[rounds - 1], failures);
        }
    }
}
