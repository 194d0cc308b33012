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

/** Pins the formulas with the figures of docs/metrics-math.md and the test bed. */
class StatsCalculatorTest {

    static StatsSample sample(long cpu, long system, int cpus, long preCpu, long preSystem) {
        return new StatsSample("id", "/c", 1, cpu, system, cpus, preCpu, preSystem, 0, 0,
                StatsSample.ABSENT, StatsSample.ABSENT, 0, 0, 0, 0, 0);
    }

    static StatsSample memory(long usage, long limit, long inactive, long totalInactive) {
        return new StatsSample("id", "/c", 1, 0, 0, 1, StatsSample.ABSENT, StatsSample.ABSENT, usage, limit,
                inactive, totalInactive, 0, 0, 0, 0, 0);
    }

    @Test
    void halfCpuBurnerOnTwoCpusReadsFifty() {
        // 1 s of host time on 2 CPUs = 2e9 ns of system time; the burner used 0.5e9 ns
        assertEquals(50.0, StatsCalculator.cpuPercent(1_000_000_000L, 10_000_000_000L,
                1_500_000_000L, 12_000_000_000L, 2), 1e-9);
    }

    @Test
    void enginePrecpuIsPreferredOverOwnPreviousSample() {
        StatsSample withPre = sample(1_500_000_000L, 12_000_000_000L, 2, 1_000_000_000L, 10_000_000_000L);
        StatsSample stalePrevious = sample(0, 1, 2, StatsSample.ABSENT, StatsSample.ABSENT);
        assertEquals(50.0, StatsCalculator.cpuPercent(withPre, stalePrevious), 1e-9);
    }

    @Test
    void oneShotUsesOwnPreviousSample() {
        StatsSample previous = sample(1_000_000_000L, 10_000_000_000L, 2, StatsSample.ABSENT, StatsSample.ABSENT);
        StatsSample current = sample(1_250_000_000L, 12_000_000_000L, 2, StatsSample.ABSENT, StatsSample.ABSENT);
        assertEquals(25.0, StatsCalculator.cpuPercent(current, previous), 1e-9);
    }

    @Test
    void oneShotWithoutPreviousSampleHasNoValue() {
        StatsSample current = sample(1_250_000_000L, 12_000_000_000L, 2, StatsSample.ABSENT, StatsSample.ABSENT);
        assertTrue(Double.isNaN(StatsCalculator.cpuPercent(current, null)));
    }

    @Test
    void counterGoingBackwardsHasNoValue() {
        StatsSample previous = sample(9_000_000_000L, 10_000_000_000L, 2, StatsSample.ABSENT, StatsSample.ABSENT);
        StatsSample restarted = sample(1_000_000L, 12_000_000_000L, 2, StatsSample.ABSENT, StatsSample.ABSENT);
        assertTrue(Double.isNaN(StatsCalculator.cpuPercent(restarted, previous)));
    }

    @Test
    void idleIntervalIsZero() {
        assertEquals(0.0, StatsCalculator.cpuPercent(5, 100, 5, 200, 2));
        assertEquals(0.0, StatsCalculator.cpuPercent(5, 100, 6, 100, 2));
    }

    @Test
    void memoryV1SubtractsTotalInactiveFile() {
        // the test bed's -m 64m container that wrote 40 MiB: docker stats showed 1.672MiB / 64MiB, 2.61%
        StatsSample s = memory(43_696_128L, 67_108_864L, 41_943_040L, 41_943_040L);
        assertEquals(1_753_088L, StatsCalculator.memoryUsed(s));
        assertEquals(2.61, Math.round(StatsCalculator.memoryPercent(1_753_088L, 67_108_864L) * 100) / 100.0, 1e-9);
    }

    @Test
    void memoryV1PrefersTotalInactiveFileOverInactiveFile() {
        StatsSample s = memory(1000, 0, 100, 300);
        assertEquals(700, StatsCalculator.memoryUsed(s));
    }

    @Test
    void memoryV2SubtractsInactiveFile() {
        assertEquals(10_485_760L, StatsCalculator.memoryUsed(memory(20_971_520L, 0, 10_485_760L, StatsSample.ABSENT)));
    }

    @Test
    void inactiveAboveUsageIsIgnored() {
        assertEquals(100, StatsCalculator.memoryUsed(memory(100, 0, 500, StatsSample.ABSENT)));
    }

    @Test
    void noLimitGivesZeroPercent() {
        assertEquals(0.0, StatsCalculator.memoryPercent(100, 0));
    }
    @Test
    void referenceMemoryFigureOfTheSixtyFourMegContainer() {
        // docs/metrics-math.md: "-m 64m" after writing 40 MB shows 14.5MiB / 64MiB and 22.65%
        long limit = 64L << 20;
        long cache = 41_943_040L;
        long used = 15_200_000L; // 14.496 MiB
        StatsSample s = memory(used + cache, limit, cache, cache);
        assertEquals(used, StatsCalculator.memoryUsed(s));
        assertEquals(14.5, used / 1048576.0, 0.005);
        assertEquals("22.65", String.format(java.util.Locale.ROOT, "%.2f", StatsCalculator.memoryPercent(used, limit)));
    }

    @Test
    void cgroupV1FallsBackToInactiveFileAsDockerDoes() {
        // docker: total_inactive_file only when below usage, else inactive_file
        assertEquals(900, StatsCalculator.memoryUsed(memory(1000, 0, 100, 1000)));
        assertEquals(1000, StatsCalculator.memoryUsed(memory(1000, 0, 1000, 5000)));
    }

    @Test
    void halfCpuBurnerReadingFromTheTestBedIsInDockersRange() {
        // two one-shot readings of t-burn (--cpus 0.5) one tick apart: 0.5008 s of CPU in 1.0 s of 2 CPUs
        double v = StatsCalculator.cpuPercent(461_925_881_942L, 8_636_430_000_000L,
                462_426_681_942L, 8_638_430_000_000L, 2);
        assertEquals(50.08, v, 1e-9);
        assertTrue(v >= 49.6 && v <= 51.4, "docker stats reads 49.6-51.4% for this container");
    }

    @Test
    void deltasOfLargeCountersKeepTheirLowBits() {
        // 3 years of a 64-core host: the counter is past 2^53, where two doubles subtract with 512 ns steps
        long system = 6_000_000_000_000_000_000L;
        assertEquals(250_000_001.0 / 1_000_000_004.0 * 100.0,
                StatsCalculator.cpuPercent(1L << 54, system, (1L << 54) + 250_000_001L, system + 1_000_000_004L, 1), 1e-12);
    }

    @Test
    void hostMetricsAsTheMetricsMessageDefinesThem() {
        // containers at 25% and 75% of one CPU on a 2-CPU host with 4 GiB: the host is half busy
        HostMetrics a = HostMetrics.of(25.0 + 75.0, 1L << 30, 4L << 30, 2).orElseThrow();
        assertEquals(50.0, a.cpuPercent(), 1e-12);
        assertEquals(25.0, a.memPercent(), 1e-12);
        assertEquals(2, a.cpuCount());
        assertTrue(HostMetrics.of(0, 0, 0, 2).isEmpty(), "no memory total: not sent");
        HostMetrics noCpuCount = HostMetrics.of(30.0, 0, 1, 0).orElseThrow();
        assertEquals(1, noCpuCount.cpuCount(), "no CPU count: one CPU, as the Go worker takes it");
        assertEquals(30.0, noCpuCount.cpuPercent(), 1e-12);
    }

    @Test
    void hostMetricsOfARoundSkipContainersWithoutCpu() {
        StatsSample a = memory(300, 1000, -1, 100);
        Round round = new Round(Instant.EPOCH, Duration.ZERO, List.of(),
                List.of(new ContainerStats(a, 80.0, 200, 20.0), new ContainerStats(a, Double.NaN, 300, 30.0)), Map.of());
        EngineInfo info = new EngineInfo("h", 4, 1000, "20.10", "linux", "1", 2, 2);
        HostMetrics h = HostMetrics.of(round, info).orElseThrow();
        assertEquals(20.0, h.cpuPercent(), 1e-12);
        assertEquals(500, h.memUsed());
        assertEquals(50.0, h.memPercent(), 1e-12);
    }
}
