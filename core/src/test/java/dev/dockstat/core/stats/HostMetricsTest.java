package dev.dockstat.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.model.EngineInfo;
import dev.dockstat.core.model.StatsSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostMetricsTest {

    static ContainerStats stats(double cpu, long memUsed) {
        StatsSample s = new StatsSample("id", "/n", 1, 0, 0, 2, -1, -1, memUsed, 0, -1, -1, 0, 0, 0, 0, 1);
        return new ContainerStats(s, cpu, memUsed, 0);
    }

    static Round round(ContainerStats... stats) {
        return new Round(Instant.EPOCH, Duration.ZERO, List.of(), List.of(stats), Map.of());
    }

    static EngineInfo info(int ncpu, long memTotal) {
        return new EngineInfo("vm", ncpu, memTotal, "20.10", "Debian", "1", 2, 2);
    }

    @Test
    void cpuIsAPercentOfTheWholeHost() {
        HostMetrics m = HostMetrics.of(round(stats(50.0, 1000), stats(30.0, 3000)), info(2, 8000)).orElseThrow();
        assertEquals(40.0, m.cpuPercent(), 1e-9);
        assertEquals(4000, m.memUsed());
        assertEquals(50.0, m.memPercent(), 1e-9);
        assertEquals(2, m.cpuCount());
    }

    @Test
    void aContainerWithoutACpuFigureCountsAsNothing() {
        assertEquals(25.0, HostMetrics.of(round(stats(50.0, 0), stats(Double.NaN, 0)), info(2, 1)).orElseThrow().cpuPercent(), 1e-9);
    }

    @Test
    void anEngineWithoutCpuCountIsTakenAsOneCpuAsTheGoWorkerDoes() {
        assertEquals(1, HostMetrics.of(round(stats(50.0, 0)), info(0, 1)).orElseThrow().cpuCount());
    }

    @Test
    void noFiguresWithoutMemoryTotal() {
        assertTrue(HostMetrics.of(round(stats(50.0, 10)), info(2, 0)).isEmpty());
    }

    @Test
    void noRunningContainersIsZeroNotNothing() {
        HostMetrics m = HostMetrics.of(round(), info(2, 8000)).orElseThrow();
        assertEquals(0.0, m.cpuPercent());
        assertEquals(0.0, m.memPercent());
    }
}
