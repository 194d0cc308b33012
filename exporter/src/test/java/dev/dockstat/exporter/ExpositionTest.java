package dev.dockstat.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.StatsCalculator;
import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ExpositionTest {

    static final ExpositionFormats WRITERS = ExpositionFormats.init(ExporterProperties.builder().prometheusTimestampsInMs(true).build());

    static EngineSnapshot.Container container(String id, String name, Map<String, String> labels) {
        return container(id, name, "img:1", labels, 1_700_000_000_123_000_000L);
    }

    static EngineSnapshot.Container container(String id, String name, String image, Map<String, String> labels, long readNanos) {
        var summary = new ContainerSummary(id, List.of("/" + name), image, "running", "Up", labels, 0);
        var sample = new StatsSample(id, "/" + name, readNanos, 2_500_000_000L, 0, 2, -1, -1,
                2048, 4096, -1, 1024, 10, 20, 30, 40, 3);
        return new EngineSnapshot.Container(summary, StatsCalculator.compute(sample, null));
    }

    static Exposition exposition(List<EngineSnapshot> engines) {
        PrometheusRegistry rest = new PrometheusRegistry();
        rest.register((MultiCollector) () -> new MetricSnapshots(EngineMetrics.snapshots(engines)));
        return new Exposition(() -> engines, rest, WRITERS);
    }

    static byte[] bytes(List<EngineSnapshot> engines, ExpositionFormat format, boolean gzip) throws Exception {
        var out = new ByteArrayOutputStream();
        Exposition.Body body = exposition(engines).body(format, gzip);
        body.writeTo(out);
        assertEquals(body.length(), out.size(), "Content-Length");
        return out.toByteArray();
    }

    static String text(List<EngineSnapshot> engines, ExpositionFormat format) throws Exception {
        return new String(bytes(engines, format, false), StandardCharsets.UTF_8);
    }

    @Test
    void rawCountersUnderCadvisorNamesWithLabelsAndEngineTime() throws Exception {
        var engine = new EngineSnapshot("prod", true, Duration.ofMillis(1200), 3, 0,
                List.of(container("abcdef0123456789", "web", Map.of("com.docker.compose.project", "shop", "com.docker.compose.service", "web"))));
        String text = text(List.of(engine), ExpositionFormat.TEXT);
        String labels = "{container_label_com_docker_compose_project=\"shop\",container_label_com_docker_compose_service=\"web\","
                + "environment=\"prod\",id=\"abcdef012345\",image=\"img:1\",name=\"web\"}";
        assertTrue(text.contains("container_cpu_usage_seconds_total" + labels + " 2.5 1700000000123"), text);
        assertTrue(text.contains("container_memory_working_set_bytes" + labels + " 1024.0 1700000000123"), text);
        assertTrue(text.contains("container_network_receive_bytes_total" + labels + " 10.0"), text);
        assertTrue(text.contains("container_fs_writes_bytes_total" + labels + " 40.0"), text);
        assertTrue(text.contains("container_processes" + labels + " 3.0"), text);
        assertTrue(text.contains("dockstat_engine_up{environment=\"prod\"} 1.0"), text);
        assertTrue(text.contains("dockstat_collection_duration_seconds{environment=\"prod\"} 1.2"), text);
    }

    @Test
    void aDownEngineExportsNoContainers() throws Exception {
        var down = new EngineSnapshot("edge", false, Duration.ZERO, 5, 5, List.of());
        String text = text(List.of(down), ExpositionFormat.TEXT);
        assertTrue(text.contains("dockstat_engine_up{environment=\"edge\"} 0.0"), text);
        assertFalse(text.contains("name=\""), text);
        assertFalse(text.contains("container_cpu"), "no family header without samples: " + text);
    }

    @Test
    void labelsWithoutValueAreLeftOut() throws Exception {
        var engine = new EngineSnapshot("prod", true, Duration.ZERO, 1, 0, List.of(container("0123456789abcdef", "db", Map.of())));
        String text = text(List.of(engine), ExpositionFormat.TEXT);
        assertTrue(text.contains("container_processes{environment=\"prod\",id=\"0123456789ab\",image=\"img:1\",name=\"db\"} 3.0"), text);
        assertFalse(text.contains("=\"\""), text);
    }

    /** Each family once, its lines together, though they come from several engines. */
    @Test
    void eachFamilyHasOneHeaderAndItsLinesTogether() throws Exception {
        List<EngineSnapshot> engines = twoEngines();
        String text = text(engines, ExpositionFormat.TEXT);
        assertEquals(1, count(text, "# TYPE container_cpu_usage_seconds_total counter\n"), text);
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String name = line.startsWith("#") ? line.split(" ")[2] : line.split("[{ ]")[0];
            if (names.isEmpty() || !names.getLast().equals(name)) {
                assertFalse(names.contains(name), name + " again after other families:\n" + text);
                names.add(name);
            }
        }
    }

    /**
     * The exporter's own rendering says the same, line for line, as the client library rendering
     * the same series from its snapshot objects (as serve-metrics did before), in both formats.
     */
    @Test
    void sameLinesAsTheClientLibraryInBothFormats() throws Exception {
        List<EngineSnapshot> engines = twoEngines();
        for (ExpositionFormat format : ExpositionFormat.values()) {
            var expected = new ByteArrayOutputStream();
            var writer = format == ExpositionFormat.TEXT ? WRITERS.getPrometheusTextFormatWriter() : WRITERS.getOpenMetricsTextFormatWriter();
            writer.write(expected, LibraryRendering.snapshots(engines));
            String ours = text(engines, format);
            assertEquals(families(expected.toString(StandardCharsets.UTF_8), format), families(ours, format), format.name());
            if (format == ExpositionFormat.OPENMETRICS) {
                assertTrue(ours.endsWith("\n# EOF\n") && count(ours, "# EOF") == 1, ours);
            }
        }
    }

    @Test
    void theGzipAnswerIsTheSameTextInOneMember() throws Exception {
        List<EngineSnapshot> engines = twoEngines();
        for (ExpositionFormat format : ExpositionFormat.values()) {
            byte[] gzipped = bytes(engines, format, true);
            assertEquals(0x1f, gzipped[0] & 0xff);
            byte[] plain;
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                plain = in.readAllBytes(); // checks the trailer's CRC-32 and length too
            }
            assertEquals(text(engines, format), new String(plain, StandardCharsets.UTF_8), format.name());
            assertTrue(gzipped.length < plain.length, gzipped.length + " of " + plain.length); // 3 containers: little to gain
        }
    }

    @Test
    void theFormatFollowsTheAcceptHeaderAsPrometheusSendsIt() {
        assertEquals(ExpositionFormat.OPENMETRICS, ExpositionFormat.negotiate(
                "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
        assertEquals(ExpositionFormat.TEXT, ExpositionFormat.negotiate("text/plain;version=0.0.4"));
        assertEquals(ExpositionFormat.TEXT, ExpositionFormat.negotiate(null));
        assertTrue(MetricsHandler.acceptsGzip(List.of("gzip")));
        assertTrue(MetricsHandler.acceptsGzip(List.of("deflate, gzip;q=0.8")));
        assertFalse(MetricsHandler.acceptsGzip(List.of("identity")));
        assertFalse(MetricsHandler.acceptsGzip(List.of("gzip;q=0")));
        assertFalse(MetricsHandler.acceptsGzip(null));
    }

    @Test
    void openMetricsTimestampsAreSecondsWithMilliseconds() throws Exception {
        var engine = new EngineSnapshot("prod", true, Duration.ZERO, 1, 0,
                List.of(container("0123456789abcdef", "db", "img:1", Map.of(), 1_700_000_000_007_000_000L)));
        String text = text(List.of(engine), ExpositionFormat.OPENMETRICS);
        assertTrue(text.contains("name=\"db\"} 2.5 1700000000.007\n"), text);
        assertTrue(text.contains("# TYPE container_cpu_usage_seconds counter\n# UNIT container_cpu_usage_seconds seconds\n"), text);
    }

    /** Two engines, with label values that need escaping and one that is not ASCII. */
    static List<EngineSnapshot> twoEngines() {
        var a = new EngineSnapshot("prod", true, Duration.ofMillis(800), 2, 0, List.of(
                container("aaaaaaaaaaaa0001", "web", "img:1", Map.of("com.docker.compose.project", "sh\"o\\p\nx"), 1_700_000_000_123_000_000L),
                container("aaaaaaaaaaaa0002", "db", "", Map.of("com.docker.compose.service", "dé"), 1_700_000_001_050_000_000L)));
        var b = new EngineSnapshot("édge", true, Duration.ofMillis(20), 7, 1, List.of(
                container("bbbbbbbbbbbb0001", "cache", "redis:7", Map.of(), 1_700_000_002_000_000_000L)));
        var down = new EngineSnapshot("off", false, Duration.ZERO, 3, 3, List.of());
        return List.of(a, b, down);
    }

    /** Family header lines to the family's sample lines, sorted (the library sorts samples by labels). */
    static Map<String, List<String>> families(String text, ExpositionFormat format) {
        Map<String, List<String>> out = new TreeMap<>();
        String start = format == ExpositionFormat.TEXT ? "# HELP " : "# TYPE ";
        String header = null;
        List<String> samples = null;
        for (String line : text.split("\n")) {
            if (line.startsWith(start) || line.equals("# EOF")) {
                header = line;
                samples = new ArrayList<>();
                out.put(header, samples);
            } else if (line.startsWith("#")) {
                out.put(header + "\n" + line, List.of());
            } else {
                samples.add(line);
                samples.sort(null);
            }
        }
        return out;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
