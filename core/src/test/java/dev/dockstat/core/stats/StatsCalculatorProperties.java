package dev.dockstat.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.model.StatsSample;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class StatsCalculatorProperties {

    private static final long MAX = 1L << 60;

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
    void agreesWithTheDockerFormulaWhenNotSaturated(@ForAll @LongRange(min = 0, max = 1L << 40) long preCpu,
            @ForAll @LongRange(min = 1, max = 1L << 40) long preSystem,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long systemDelta,
            @ForAll @IntRange(min = 1, max = 64) int cpus,
            @ForAll @IntRange(min = 0, max = 1000) int permille) {
        long cpuDelta = systemDelta / cpus * permille / 1000; // at most all CPUs busy
        double docker = cpuDelta > 0 ? (double) cpuDelta / systemDelta * cpus * 100.0 : 0.0;
        assertEquals(docker, StatsCalculator.cpuPercent(preCpu, preSystem, preCpu + cpuDelta, preSystem + systemDelta, cpus), 1e-9);
    }

    @Property
    void memoryIsNeverNegativeNorAboveUsage(@ForAll @LongRange(min = 0, max = MAX) long usage,
            @ForAll @LongRange(min = -1, max = MAX) long inactive,
            @ForAll @LongRange(min = -1, max = MAX) long totalInactive) {
        StatsSample s = new StatsSample("id", "/c", 1, 0, 0, 1, -1, -1, usage, 0, inactive, totalInactive, 0, 0, 0, 0, 0);
        long used = StatsCalculator.memoryUsed(s);
        assertTrue(used >= 0 && used <= usage);
    }
}
