package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet example of docs/scale.md as written in examples/fleet: two packaged {@code dockstat
 * serve-metrics} processes, each watching its own slice of the engines (shard a the main engine,
 * shard b the auxiliary engine behind its token proxy), one real Prometheus scraping both with
 * examples/fleet/prometheus.yml, and a second one federating dockstat's series from the first with
 * examples/fleet/federate.yml. Only the ports (free loopback ports instead of 9401/9402/9090) and the
 * intervals (1 s instead of 15 s, to be quick) are rewritten; everything else is the example's text.
 *
 * <p>Each engine runs containers with known memory limits, so the PromQL sums have an exact answer.
 */
class FleetPrometheusIT {

    private static final Pattern SERVING = Pattern.compile("serving metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics");
    private static final String PREFIX = "dst-fleet-";
    private static final String MINE = "{name=~\"" + PREFIX + ".+\"}";
    private static final long MIB = 1024 * 1024;
    /** Containers and their memory limits in MiB: two on the main engine (shard a), one on the auxiliary (shard b). */
    private static final Map<String, Integer> SHARD_A = Map.of(PREFIX + "a1", 64, PREFIX + "a2", 32);
    private static final Map<String, Integer> SHARD_B = Map.of(PREFIX + "b1", 16);
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Path example;
    static Path work;
    static String auxSocket;
    static Launched shardA;
    static Launched shardB;
    static Prometheus scraper;
    static Prometheus global;

    @BeforeAll
    static void start() throws Exception {
        TestBed bed = TestBed.get();
        auxSocket = bed.auxSocketUri();
        assertNotNull(auxSocket, "the test bed names no auxiliary engine: run scripts/testbed aux-up");
        example = findExample();
        work = Files.createTempDirectory("dockstat-fleet");
        SHARD_A.forEach((name, mib) -> TestBed.run(name, "--memory", mib + "m", TestBed.IMAGE, "sleep", "100000"));
        SHARD_B.forEach((name, mib) -> {
            removeAux(name);
            aux("run", "-d", "--network", "none", "--label", TestBed.LABEL, "--name", name, "--memory", mib + "m",
                    TestBed.IMAGE, "sleep", "100000");
        });

        shardA = Launched.start(Map.of(), "serve-metrics", "--config", example.resolve("shard-a.yaml").toString(),
                "--env", "main", "--listen", "127.0.0.1:0", "--interval", "1s");
        shardB = Launched.start(Map.of("DOCKSTAT_FLEET_TOKEN", bed.token()), "serve-metrics",
                "--config", example.resolve("shard-b.yaml").toString(), "--env", "aux", "--listen", "127.0.0.1:0", "--interval", "1s");
        int portA = servingPort(shardA);
        int portB = servingPort(shardB);

        int scraperPort = freePort();
        Path scraperConfig = rewrite("prometheus.yml", Map.of("127.0.0.1:9401", "127.0.0.1:" + portA,
                "127.0.0.1:9402", "127.0.0.1:" + portB, "15s", "1s"));
        scraper = Prometheus.start(work.resolve("scraper"), scraperConfig, scraperPort);
        int globalPort = freePort();
        Path globalConfig = rewrite("federate.yml", Map.of("127.0.0.1:9090", "127.0.0.1:" + scraperPort, "15s", "1s"));
        global = Prometheus.start(work.resolve("global"), globalConfig, globalPort);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {global, scraper, shardA, shardB}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("FleetPrometheusIT: stopping " + c + ": " + e);
            }
        }
        TestBed.remove(SHARD_A.keySet().toArray(String[]::new));
        SHARD_B.keySet().forEach(FleetPrometheusIT::removeAux);
    }

    @Test
    void oneQuerySeesBothInstancesAndTheSumIsTheSumOfTheParts() {
        scraper.awaitTargetsUp(2, STARTUP);
        String perInstance = "count by (instance, shard) (container_cpu_usage_seconds_total" + MINE + ")";
        Map<String, Double> counts = scraper.awaitVector(perInstance, "shard", STARTUP, FleetPrometheusIT::bothShardsComplete);
        System.out.println("FleetPrometheusIT: " + perInstance + " = " + counts);

        String limits = "container_spec_memory_limit_bytes" + MINE;
        Map<String, Double> parts = scraper.vector("sum by (shard) (" + limits + ")", "shard");
        double whole = scraper.vector("sum(" + limits + ")", null).get("");
        System.out.println("FleetPrometheusIT: sum by shard " + parts + ", sum " + whole);
        assertEquals(mib(SHARD_A) * MIB, parts.get("a"), "shard a's containers' limits");
        assertEquals(mib(SHARD_B) * MIB, parts.get("b"), "shard b's containers' limits");
        assertEquals(parts.get("a") + parts.get("b"), whole, "the sum over both instances is the sum of the parts");

        Map<String, Double> engines = scraper.vector("dockstat_engine_up", "environment");
        assertEquals(Map.of("main", 1.0, "aux", 1.0), engines, "each instance reports its own engine up");
    }

    @Test
    void aSecondPrometheusFederatesBothInstancesSeries() {
        global.awaitTargetsUp(1, STARTUP);
        String perInstance = "count by (instance, shard, job) (container_spec_memory_limit_bytes" + MINE + ")";
        Map<String, Double> counts = global.awaitVector(perInstance, "shard", STARTUP, FleetPrometheusIT::bothShardsComplete);
        System.out.println("FleetPrometheusIT: federated " + perInstance + " = " + counts);
        double federated = global.vector("sum(container_spec_memory_limit_bytes" + MINE + ")", null).get("");
        assertEquals((mib(SHARD_A) + mib(SHARD_B)) * MIB, federated, "the federated sum");
        // the labels came through as the first server gave them (honor_labels), not rewritten to the federate job
        assertEquals(Map.of("dockstat", 2.0), global.vector("count by (job) (count by (job, instance) (container_spec_memory_limit_bytes"
                + MINE + "))", "job"));
    }

    /** Every container of each shard counted, under its own shard. */
    private static boolean bothShardsComplete(Map<String, Double> perShard) {
        return perShard.equals(Map.of("a", (double) SHARD_A.size(), "b", (double) SHARD_B.size()));
    }

    private static long mib(Map<String, Integer> shard) {
        return shard.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The example's file with the given literal replacements, each of which must occur in it. */
    private static Path rewrite(String file, Map<String, String> replacements) throws IOException {
        String text = Files.readString(example.resolve(file));
        for (var r : replacements.entrySet()) {
            assertTrue(text.contains(r.getKey()), file + " no longer contains " + r.getKey());
            text = text.replace(r.getKey(), r.getValue());
        }
        Path out = work.resolve(file);
        Files.writeString(out, text);
        return out;
    }

    private static int servingPort(Launched server) {
        server.awaitStderr("the address", STARTUP, err -> SERVING.matcher(err).find());
        Matcher m = SERVING.matcher(server.stderr());
        assertTrue(m.find(), server.stderr());
        return Integer.parseInt(m.group(1));
    }

    private static Path findExample() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/fleet");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/fleet not found above " + Path.of("").toAbsolutePath());
    }

    private static String aux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", auxSocket));
        cmd.addAll(List.of(args));
        return TestBed.exec(cmd, Duration.ofSeconds(60));
    }

    private static void removeAux(String name) {
        try {
            aux("rm", "-f", name);
        } catch (IllegalStateException absent) {
            // not there: nothing to remove
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A Prometheus server on loopback with its output in a file beside its data; stopped by {@link #close()}. */
    record Prometheus(Process process, int port, Path dir) implements AutoCloseable {

        static Prometheus start(Path dir, Path config, int port) throws IOException {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            p.getOutputStream().close();
            Prometheus prometheus = new Prometheus(p, port, dir);
            TestBed.await("prometheus on port " + port + " ready (log " + dir.resolve("prometheus.log") + ")", STARTUP,
                    () -> prometheus.get("/-/ready").startsWith("Prometheus"));
            return prometheus;
        }

        /** Waits until the server has {@code n} active targets, all up (last scrape healthy). */
        void awaitTargetsUp(int n, Duration timeout) {
            Launched.poll(timeout, () -> {
                JsonNode active = json("/api/v1/targets?state=active").path("data").path("activeTargets");
                int up = 0;
                for (JsonNode t : active) {
                    up += "up".equals(t.path("health").asText()) ? 1 : 0;
                }
                return active.size() == n && up == n;
            }, () -> n + " targets up on port " + port + "; targets: " + get("/api/v1/targets?state=active"));
        }

        /** Polls an instant query until its result, keyed by {@code label}, satisfies the condition. */
        Map<String, Double> awaitVector(String promql, String label, Duration timeout,
                java.util.function.Predicate<Map<String, Double>> condition) {
            Launched.poll(timeout, () -> condition.test(vector(promql, label)),
                    () -> promql + " on port " + port + "; last answer " + vector(promql, label));
            return vector(promql, label);
        }

        /** An instant query's vector as label value (or "" with no label) to sample value. */
        Map<String, Double> vector(String promql, String label) {
            JsonNode body = json("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            Map<String, Double> values = new TreeMap<>();
            for (JsonNode series : body.path("data").path("result")) {
                String key = label == null ? "" : series.path("metric").path(label).asText();
                values.put(key, series.path("value").get(1).asDouble());
            }
            return values;
        }

        JsonNode json(String path) {
            try {
                return Json.MAPPER.readTree(get(path));
            } catch (IOException e) {
                return Json.MAPPER.createObjectNode();
            }
        }

        String get(String path) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
