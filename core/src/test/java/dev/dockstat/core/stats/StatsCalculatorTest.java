package dev.dockstat.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.model.StatsSample;
import org.junit.jupiter.api.Test;

/** Pins the formulas with the figures of STATS-REFERENCE.md and the test bed. */
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
}
