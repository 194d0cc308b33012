package dev.dockstat.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.testbed.Accuracy;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus server (Debian's package) scrapes serve-metrics every 2 s; PromQL must see the
 * --cpus 0.5 burner use 0.5 CPU-seconds per second. The run lasts {@code dockstat.prometheus.seconds}
 * (default 60; the acceptance run uses 120 s and 60 containers:
 * {@code ./mvnw -pl exporter -am verify -DskipITs=false -Dit.test=PrometheusIT -Ddockstat.prometheus.seconds=120 -Ddockstat.prometheus.extra=59}).
 */
class PrometheusIT {

    static final String BURN = "dst-prom-burn";
    /** Idle containers besides the burner (the acceptance run uses 59, for 60 in all). */
    static final int EXTRA = Integer.getInteger("dockstat.prometheus.extra", 0);
    static final String EXTRA_PREFIX = "dst-prom-idle-";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<String> diagnostics = new CopyOnWriteArrayList<>();
    static MetricsExporter exporter;
    static Process prometheus;
    static int promPort;
    static Path work;
    static String burnId;

    @BeforeAll
    static void start() throws Exception {
        TestBed.get();
        burnId = TestBed.burner(BURN, "0.5");
        for (int i = 0; i < EXTRA; i++) {
            TestBed.idle(EXTRA_PREFIX + i);
        }
        var env = new Environment("local", Endpoint.of(TestBed.get().socketUri()));
        exporter = MetricsExporter.start(List.of(env),
                new MetricsExporter.Settings("127.0.0.1", 0, Duration.ofSeconds(1), 128, null, null), diagnostics::add);
        work = Files.createTempDirectory("dockstat-prom");
        promPort = freePort();
        Files.writeString(work.resolve("prometheus.yml"), """
                global: {scrape_interval: 2s, evaluation_interval: 2s}
                scrape_configs:
                  - job_name: dockstat
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(exporter.port()));
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        TestBed.await("prometheus ready", Duration.ofSeconds(30), () -> get("/-/ready").startsWith("Prometheus"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        if (exporter != null) {
            exporter.close();
        }
        TestBed.remove(BURN);
        for (int i = 0; i < EXTRA; i++) {
            TestBed.remove(EXTRA_PREFIX + i);
        }
    }

    @Test
    void promqlRateOfTheBurnerIsHalfACpuAndScrapesAreFast() throws Exception {
        int seconds = Integer.getInteger("dockstat.prometheus.seconds", 60);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long windowStart = end - Duration.ofSeconds(30).toNanos();
        TestBed.await("the rate's window to begin", Duration.ofSeconds(seconds + 5), () -> System.nanoTime() > windowStart);
        long[] ownBefore = Accuracy.cgroupCpuNanos(burnId);
        TestBed.await("the run to last " + seconds + " s", Duration.ofSeconds(seconds + 5), () -> System.nanoTime() > end);
        long[] ownAfter = Accuracy.cgroupCpuNanos(burnId);
        double own = Accuracy.cgroupCpuPercent(ownBefore, ownAfter) / 100;

        String exported = fetch(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics")).lines()
                .filter(l -> l.contains(BURN) && l.startsWith("container_cpu") || l.startsWith("dockstat_")).toList().toString();
        System.out.println("PrometheusIT: exporter says " + exported + "; diagnostics " + diagnostics);
        // the rate over the 30 s that end at the newest sample: samples carry the engine's reading
        // time, which under load is seconds older than the query's own time, and PromQL extrapolates
        // a window's end only up to about one sample interval past its newest sample (2 s here), so a
        // window ending at "now" lost its last seconds (0.4699 twice, with the cgroup at 0.4999)
        String series = "container_cpu_usage_seconds_total{name=\"" + BURN + "\"}";
        double newest = scalar("timestamp(" + series + ")", null);
        double rate = scalar("rate(" + series + "[30s])", newest);
        System.out.printf("PrometheusIT: rate=%.4f CPU over 30s after %d s (newest sample %.1f s old); the cgroup's own accounting %.4f%n",
                rate, seconds, System.currentTimeMillis() / 1000.0 - newest, own);
        // the 2 cores are shared: a burner the kernel did not hold at its quota is not judged against it
        Assumptions.assumeTrue(Math.abs(own - 0.5) <= 0.01, "burner starved by other load: own accounting " + own + ", rate " + rate);
        assertEquals(0.5, rate, 0.03, "rate of the --cpus 0.5 burner");

        double p99 = scalar("quantile_over_time(0.99, scrape_duration_seconds{job=\"dockstat\"}[" + seconds + "s])");
        double up = scalar("min_over_time(up{job=\"dockstat\"}[" + seconds + "s])");
        System.out.printf("PrometheusIT: scrape duration p99=%.2f ms, up min=%.0f%n", p99 * 1000, up);
        assertEquals(1.0, up, "every scrape succeeded");
        assertTrue(p99 < 0.05, "scrape p99 " + p99);
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        String text = fetch(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"));
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String out = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, promtool.waitFor(), out);
    }

    @Test
    void aRemovedContainerDisappears() throws Exception {
        String gone = "dst-prom-gone";
        TestBed.idle(gone);
        URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
        TestBed.await("container exported", Duration.ofSeconds(15), () -> fetchQuietly(metrics).contains("name=\"" + gone + "\""));
        TestBed.remove(gone);
        TestBed.await("container gone", Duration.ofSeconds(15), () -> !fetchQuietly(metrics).contains("name=\"" + gone + "\""));
        assertFalse(fetchQuietly(metrics).contains(gone));
    }

    static double scalar(String promql) throws Exception {
        return scalar(promql, null);
    }

    /** @param at the evaluation time (Unix seconds), or null for now */
    static double scalar(String promql, Double at) throws Exception {
        String time = at == null ? "" : "&time=" + String.format(Locale.ROOT, "%.3f", at);
        JsonNode body = Json.MAPPER.readTree(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + time));
        JsonNode result = body.path("data").path("result");
        assertEquals(1, result.size(), promql + " -> " + body);
        return result.get(0).path("value").get(1).asDouble();
    }

    static String get(String path) {
        return fetchQuietly(URI.create("http://127.0.0.1:" + promPort + path));
    }

    static String fetchQuietly(URI uri) {
        try {
            return fetch(uri);
        } catch (Exception e) {
            return "";
        }
    }

    static String fetch(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
