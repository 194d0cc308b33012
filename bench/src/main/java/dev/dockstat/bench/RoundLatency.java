package dev.dockstat.bench;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCollector;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Round latency on the test bed's engine: for N running containers, the time of a collection round
 * (list + every stats request), dockstat's default cap against the same code capped at 8 (the Go
 * worker's width). Starts N idle busybox containers ({@code --network none}, named
 * {@code dst-me-round-NN}), measures, removes them. Run with {@code scripts/measure-rounds}.
 *
 * <p>Arguments: {@code [--pause=SECONDS] [rounds per setting, default 7] [N...] (default 10 30 60)}.
 * The first round of each collector reads with precpu (~2 s) and is reported apart; the median is
 * over the rest. Rounds run back to back unless {@code --pause} leaves the connections idle
 * between them, as a real poller does (the IPC default is a round every 30 s).
 */
public final class RoundLatency {

    private static final String PREFIX = "dst-me-round-";

    private RoundLatency() {}

    public static void main(String[] argv) throws Exception {
        List<String> options = Arrays.stream(argv).filter(a -> a.startsWith("--pause=")).toList();
        long pauseMillis = options.isEmpty() ? 0 : (long) (Double.parseDouble(options.getLast().substring(8)) * 1000);
        String[] args = Arrays.stream(argv).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int[] sizes = args.length > 1 ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray() : new int[] {10, 30, 60};
        int max = Arrays.stream(sizes).max().orElse(0);
        List<String> names = IntStream.range(0, max).mapToObj(i -> String.format(Locale.ROOT, "%s%02d", PREFIX, i)).toList();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestBed.remove(names.toArray(String[]::new))));
        try (DockerClient client = TestBed.get().socketEnvironment().connect(TransportRegistry.load())) {
            int running = 0;
            System.out.printf(Locale.ROOT, "rounds: 1 + %d per setting, %s between rounds%n", rounds,
                    pauseMillis == 0 ? "no pause" : pauseMillis + " ms");
            System.out.printf(Locale.ROOT, "%4s  %-8s  %10s  %10s  %10s  %10s  %s%n", "N", "cap", "first (s)", "median (s)", "min (s)", "max (s)", "failures");
            for (int n : sizes) {
                start(names.subList(running, Math.max(running, n)));
                running = Math.max(running, n);
                List<String> measured = names.subList(0, n);
                for (int cap : new int[] {StatsCollector.DEFAULT_CONCURRENCY, 8}) {
                    measure(client, n, cap, rounds, pauseMillis, measured);
                }
            }
        } finally {
            TestBed.remove(names.toArray(String[]::new));
        }
    }

    private static void start(List<String> names) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (String name : names) {
                pool.execute(() -> TestBed.idle(name));
            }
        }
    }

    private static void measure(DockerClient client, int n, int cap, int rounds, long pauseMillis, List<String> names)
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
            System.out.printf(Locale.ROOT, "%4d  %-8s  %10.3f  %10.3f  %10.3f  %10.3f  %d%n", n, cap == 8 ? "8" : cap + " (default)",
                    first.took().toNanos() / 1e9, seconds[rounds / 2], seconds[0], seconds[rounds - 1], failures);
        }
    }
}
