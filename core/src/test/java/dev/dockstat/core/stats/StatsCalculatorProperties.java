package dev.dockstat.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.model.EngineInfo;
import dev.dockstat.core.model.StatsSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The calculator against the docker CLI's own formulas (ported literally below, float64 and map
 * look-ups as in Go) and against the bounds the figures must keep on any input.
 */
class StatsCalculatorProperties {

    private static final long MAX = 1L << 60;
    /** Below 2^53 every counter is exact as a double, so docker's float64 arithmetic is exact too. */
    private static final long EXACT = 1L << 53;

    // ---- CPU ----

    @Property
    void cpuStaysWithinZeroAndAllCpus(@ForAll @LongRange(min = 0, max = MAX) long preCpu,
            @ForAll @LongRange(min = 0, max = MAX) long preSystem,
            @ForAll @LongRange(min = 0, max = MAX) long cpu,
            @ForAll @LongRange(min = 0, max = MAX) long system,
            @ForAll @IntRange(min = 0, max = 256) int cpus) {
        double v = StatsCalculator.cpuPercent(preCpu, preSystem, cpu, system, cpus);
        if (cpu < preCpu || system < preSystem) {
            assertTrue(Double.isNaN(v), "a counter that goes backwards gives no value");
        } else {
            assertTrue(v >= 0 && v <= 100.0 * Math.max(cpus, 1), () -> "out of range: " + v);
        }
    }

    @Property
    void anyCountersGiveNaNOrAFigureInRange(@ForAll long preCpu, @ForAll long preSystem, @ForAll long cpu,
            @ForAll long system, @ForAll @IntRange(min = -4, max = 256) int cpus) {
        double v = StatsCalculator.cpuPercent(preCpu, preSystem, cpu, system, cpus);
        assertTrue(Double.isNaN(v) || v >= 0 && v <= 100.0 * Math.max(cpus, 1), () -> "out of range: " + v);
    }

    @Property
    void zeroWhenEitherDeltaIsZero(@ForAll @LongRange(min = 0, max = MAX) long preCpu,
            @ForAll @LongRange(min = 0, max = MAX) long preSystem,
            @ForAll @LongRange(min = 0, max = MAX) long delta,
            @ForAll boolean cpuStands, @ForAll @IntRange(min = 1, max = 256) int cpus) {
        long cpu = cpuStands ? preCpu : preCpu + delta;
        long system = cpuStands ? preSystem + delta : preSystem;
        assertEquals(0.0, StatsCalculator.cpuPercent(preCpu, preSystem, cpu, system, cpus));
    }

    @Property
    void aResetContainerHasNoValue(@ForAll("running") StatsSample previous,
            @ForAll @LongRange(min = 1, max = MAX) long backwards) {
        // the container restarted between the readings: a new cgroup counts from zero again
        StatsSample restarted = withCpu(previous, Math.max(0, previous.cpuTotal() - backwards), previous.systemCpu() + 1_000_000_000L);
        if (restarted.cpuTotal() < previous.cpuTotal()) {
            assertTrue(Double.isNaN(StatsCalculator.cpuPercent(restarted, previous)));
            assertTrue(Double.isNaN(StatsCalculator.compute(restarted, previous).cpuPercent()));
        }
    }

    @Property
    void agreesWithTheDockerFormulaOnGeneratedSamples(@ForAll("running") StatsSample previous,
            @ForAll @LongRange(min = -1_000_000_000L, max = 8_000_000_000L) long cpuDelta,
            @ForAll @LongRange(min = -1_000_000_000L, max = 8_000_000_000L) long systemDelta) {
        StatsSample current = withCpu(previous, previous.cpuTotal() + cpuDelta, previous.systemCpu() + systemDelta);
        double ours = StatsCalculator.cpuPercent(current, previous);
        if (cpuDelta < 0 || systemDelta < 0) {
            assertTrue(Double.isNaN(ours), "counters went backwards: no value, where docker would print 0");
            return;
        }
        double docker = dockerCpuPercent(current.cpuTotal(), current.systemCpu(), current.onlineCpus(),
                previous.cpuTotal(), previous.systemCpu());
        // dockstat clamps the rare reading a hair above all CPUs (the counters are read apart)
        assertEquals(Math.min(docker, 100.0 * current.onlineCpus()), ours, 1e-9 * Math.max(1, docker));
    }

    @Property
    void theEnginesPrecpuWinsOverOurOwnPreviousSample(@ForAll("running") StatsSample previous,
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long cpuDelta,
            @ForAll @LongRange(min = 1, max = 4_000_000_000L) long systemDelta) {
        StatsSample withPrecpu = new StatsSample("id", "/c", 2, previous.cpuTotal() + cpuDelta, previous.systemCpu() + systemDelta,
                previous.onlineCpus(), previous.cpuTotal(), previous.systemCpu(), 0, 0, -1, -1, 0, 0, 0, 0, 0);
        StatsSample unrelated = withCpu(previous, 0, 1);
        assertEquals(StatsCalculator.cpuPercent(withPrecpu, previous), StatsCalculator.cpuPercent(withPrecpu, unrelated));
        assertEquals(StatsCalculator.cpuPercent(withPrecpu, previous), StatsCalculator.cpuPercent(withPrecpu, null));
    }

    @Property
    void aOneShotReadingWithoutAPreviousOneHasNoValue(@ForAll("running") StatsSample oneShot) {
        assertTrue(Double.isNaN(StatsCalculator.cpuPercent(oneShot, null)));
        StatsSample stopped = new StatsSample("id", "/c", 0, 0, 0, 0, -1, -1, 0, 0, -1, -1, 0, 0, 0, 0, 0);
        assertTrue(Double.isNaN(StatsCalculator.cpuPercent(oneShot, stopped)), "an empty previous reading is no interval");
    }

    /** Running containers' one-shot readings (no precpu), counters within double's exact range. */
    @Provide
    Arbitrary<StatsSample> running() {
        return Combinators.combine(
                Arbitraries.longs().between(0, EXACT / 2),
                Arbitraries.longs().between(1, EXACT / 2),
                Arbitraries.integers().between(1, 128))
            .as((cpu, system, cpus) -> new StatsSample("id", "/c", 1, cpu, system, cpus,
                    StatsSample.ABSENT, StatsSample.ABSENT, 0, 0, -1, -1, 0, 0, 0, 0, 0));
    }

    private static StatsSample withCpu(StatsSample s, long cpu, long system) {
        return new StatsSample(s.id(), s.name(), s.readNanos() + 1_000_000_000L, cpu, system, s.onlineCpus(),
                StatsSample.ABSENT, StatsSample.ABSENT, s.memUsage(), s.memLimit(), s.inactiveFile(),
                s.totalInactiveFile(), 0, 0, 0, 0, 0);
    }

    /** docker/cli {@code calculateCPUPercentUnix}, in its float64 arithmetic. */
    static double dockerCpuPercent(long cpu, long system, int onlineCpus, long previousCpu, long previousSystem) {
        double cpuPercent = 0.0;
        double cpuDelta = (double) cpu - (double) previousCpu;
        double systemDelta = (double) system - (double) previousSystem;
        if (systemDelta > 0.0 && cpuDelta > 0.0) {
            cpuPercent = (cpuDelta / systemDelta) * onlineCpus * 100.0;
        }
        return cpuPercent;
    }

    // ---- memory ----

    @Property
    void memoryIsNeverNegativeNorAboveUsage(@ForAll @LongRange(min = -1, max = MAX) long usage,
            @ForAll @LongRange(min = -1, max = MAX) long inactive,
            @ForAll @LongRange(min = -1, max = MAX) long totalInactive) {
        StatsSample s = memory(usage, 0, inactive, totalInactive);
        long used = StatsCalculator.memoryUsed(s);
        assertTrue(used >= 0 && used <= Math.max(usage, 0), () -> "used " + used + " of " + usage);
    }

    @Property
    void memoryAgreesWithDocker(@ForAll @LongRange(min = 0, max = MAX) long usage,
            @ForAll("inactive") long inactive, @ForAll("inactive") long totalInactive) {
        Map<String, Long> stats = new HashMap<>();
        if (inactive != StatsSample.ABSENT) {
            stats.put("inactive_file", inactive);
        }
        if (totalInactive != StatsSample.ABSENT) {
            stats.put("total_inactive_file", totalInactive);
        }
        assertEquals(dockerMemUsageNoCache(usage, stats), StatsCalculator.memoryUsed(memory(usage, 0, inactive, totalInactive)));
    }

    @Property
    void cgroupV1SubtractsTotalInactiveFileAndV2InactiveFile(@ForAll @LongRange(min = 1, max = MAX) long usage,
            @ForAll @IntRange(min = 0, max = 999) int permille, @ForAll boolean v1) {
        // below usage: at cache == usage docker (and dockstat) skip the v1 field and take the v2 one
        // (memoryAgreesWithDocker covers that case); 1000 per mille failed on a usage of 16000
        long cache = usage / 1000 * permille;
        long other = usage / 2;                // a different figure in the field that must not be used
        StatsSample s = v1 ? memory(usage, 0, other, cache) : memory(usage, 0, cache, StatsSample.ABSENT);
        assertEquals(usage - cache, StatsCalculator.memoryUsed(s));
    }

    @Property
    void memoryPercentOfTheLimit(@ForAll @LongRange(min = 0, max = MAX) long used, @ForAll @LongRange(min = 0, max = MAX) long limit) {
        double p = StatsCalculator.memoryPercent(used, limit);
        if (limit == 0) {
            assertEquals(0.0, p);
        } else {
            assertEquals((double) used / limit * 100.0, p);
            if (used <= limit) {
                assertTrue(p >= 0 && p <= 100);
            }
        }
    }

    @Provide
    Arbitrary<Long> inactive() {
        return Arbitraries.oneOf(Arbitraries.just(StatsSample.ABSENT), Arbitraries.longs().between(0, MAX));
    }

    static StatsSample memory(long usage, long limit, long inactive, long totalInactive) {
        return new StatsSample("id", "/c", 1, 0, 0, 1, StatsSample.ABSENT, StatsSample.ABSENT, usage, limit,
                inactive, totalInactive, 0, 0, 0, 0, 0);
    }

    /** docker/cli {@code calculateMemUsageUnixNoCache}: Go map look-ups, a missing key reads 0. */
    static long dockerMemUsageNoCache(long usage, Map<String, Long> stats) {
        Long v1 = stats.get("total_inactive_file");
        if (v1 != null && v1 < usage) {
            return usage - v1;
        }
        long v2 = stats.getOrDefault("inactive_file", 0L);
        if (v2 < usage) {
            return usage - v2;
        }
        return usage;
    }

    // ---- host-wide figures ----

    /**
     * The host figures of a round of real readings (computed by the calculator, as the collector
     * does) are the sums over the containers that have a CPU figure, per CPU of the host.
     */
    @Property
    void hostMetricsAreTheSumOverTheHost(@ForAll @IntRange(min = 0, max = 64) int containers,
            @ForAll @IntRange(min = 0, max = 256) int ncpu, @ForAll @LongRange(min = 1, max = 1L << 44) long memTotal) {
        List<ContainerStats> stats = new ArrayList<>();
        double cpuSum = 0;
        long memSum = 0;
        for (int i = 0; i < containers; i++) {
            long used = i * 37L % 100 * 10_000_000L; // CPU ns over one 1e9 ns tick of one CPU
            StatsSample previous = new StatsSample("c" + i, "/c" + i, 1, 0, 0, 1, StatsSample.ABSENT, StatsSample.ABSENT,
                    0, 0, StatsSample.ABSENT, StatsSample.ABSENT, 0, 0, 0, 0, 0);
            StatsSample current = new StatsSample("c" + i, "/c" + i, 1, used, 1_000_000_000L, 1, StatsSample.ABSENT,
                    StatsSample.ABSENT, memTotal / 128, memTotal, StatsSample.ABSENT, StatsSample.ABSENT, 0, 0, 0, 0, 0);
            // every third container is read for the first time: no CPU figure, memory still counted
            ContainerStats s = StatsCalculator.compute(current, i % 3 == 2 ? null : previous);
            stats.add(s);
            cpuSum += s.hasCpu() ? s.cpuPercent() : 0;
            memSum += s.memUsed();
        }
        Round round = new Round(Instant.EPOCH, Duration.ZERO, List.of(), stats, Map.of());
        EngineInfo info = new EngineInfo("h", ncpu, memTotal, "20.10", "linux", "1", 2, 2);
        HostMetrics h = HostMetrics.of(round, info).orElseThrow();
        int cpus = Math.max(1, ncpu);
        assertEquals(cpus, h.cpuCount());
        assertEquals(cpuSum / cpus, h.cpuPercent(), 1e-9);
        assertTrue(h.cpuPercent() >= 0 && h.cpuPercent() <= 100.0 * containers / cpus + 1e-9);
        assertEquals(memSum, h.memUsed());
        assertEquals((double) memSum / memTotal * 100.0, h.memPercent(), 1e-12);
        assertTrue(h.memPercent() <= 100.0 * containers / 128 + 1e-9);
    }

    @Property
    void noHostFiguresWithoutAMemoryTotal(@ForAll @IntRange(min = 0, max = 256) int ncpu,
            @ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long memTotal) {
        assertTrue(HostMetrics.of(50.0, 10, memTotal, ncpu).isEmpty());
    }
}
