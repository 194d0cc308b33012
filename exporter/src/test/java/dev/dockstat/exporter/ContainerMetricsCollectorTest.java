package dev.dockstat.exporter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.StatsCalculator;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerMetricsCollectorTest {

    static EngineSnapshot.Container container(String id, String name, Map<String, String> labels) {
        var summary = new ContainerSummary(id, List.of("/" + name), "img:1", "running", "Up", labels, 0);
        var sample = new StatsSample(id, "/" + name, 1_700_000_000_123_000_000L, 2_500_000_000L, 0, 2, -1, -1,
                2048, 4096, -1, 1024, 10, 20, 30, 40, 3);
        return new EngineSnapshot.Container(summary, StatsCalculator.compute(sample, null));
    }

    static String exposition(List<EngineSnapshot> engines) throws Exception {
        var out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.builder().setTimestampsInMs(true).build()
                .write(out, new ContainerMetricsCollector(() -> engines).collect());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rawCountersUnderCadvisorNamesWithLabelsAndEngineTime() throws Exception {
        var engine = new EngineSnapshot("prod", true, Duration.ofMillis(1200), 3, 0,
                List.of(container("abcdef0123456789", "web", Map.of("com.docker.compose.project", "shop", "com.docker.compose.service", "web"))));
        String text = exposition(List.of(engine));
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
        String text = exposition(List.of(down));
        assertTrue(text.contains("dockstat_engine_up{environment=\"edge\"} 0.0"), text);
        assertFalse(text.contains("name=\""), text);
    }
}
