package dev.dockstat.core.stats;

import dev.dockstat.core.model.StatsSample;

/**
 * The formulas of {@code docker stats} (docs/metrics-math.md), as pure functions of samples.
 *
 * <p>Why two samples: the CPU counters are cumulative (nanoseconds of CPU used by the container,
 * nanoseconds of CPU time the host had), so a percentage only exists for an interval between two
 * readings of the same container. A one-shot response has no previous reading; dockstat then uses
 * its own earlier sample, never the empty precpu (which would give usage since container start).
 */
public final class StatsCalculator {

    private StatsCalculator() {}

    /**
     * CPU percent of one CPU (a busy container on 2 CPUs can read up to 200), or NaN when there is
     * no valid interval: no previous reading, or a counter that went backwards (the container or
     * host restarted between the readings).
     *
     * @param previous dockstat's own earlier sample of the same container, or null; used only when
     *     {@code current} carries no precpu of its own
     */
    public static double cpuPercent(StatsSample current, StatsSample previous) {
        long preCpu;
        long preSystem;
        if (current.hasPreCpu()) {
            preCpu = current.preCpuTotal();
            preSystem = current.preSystemCpu();
        } else if (previous != null && !previous.empty()) {
            preCpu = previous.cpuTotal();
            preSystem = previous.systemCpu();
        } else {
            return Double.NaN;
        }
        return cpuPercent(preCpu, preSystem, current.cpuTotal(), current.systemCpu(), current.onlineCpus());
    }

    /**
     * {@code cpuDelta / systemDelta * onlineCPUs * 100} when both deltas are positive, else 0; NaN
     * when a counter went backwards. Clamped to {@code [0, 100 * onlineCPUs]}: the two counters are
     * read a few microseconds apart, so a saturated container can compute a hair above its limit.
     *
     * <p>The deltas are taken in {@code long} before converting: the host counter passes 2^53 ns
     * (the exact range of a double) after a few months of uptime on a many-core host, and
     * subtracting two rounded doubles would then lose the low bits of a one-second delta. With
     * {@code onlineCpus} 0 (neither {@code online_cpus} nor {@code percpu_usage} sent) the figure
     * is a percent of the whole host; docker would show 0 there.
     */
    public static double cpuPercent(long preCpu, long preSystem, long cpu, long system, int onlineCpus) {
        if (cpu < preCpu || system < preSystem) {
            return Double.NaN;
        }
        long cpuDelta = cpu - preCpu;
        long systemDelta = system - preSystem;
        if (cpuDelta <= 0 || systemDelta <= 0) { // both >= 0 here unless a difference overflowed
            return 0.0;
        }
        int cpus = onlineCpus > 0 ? onlineCpus : 1;
        return Math.min((double) cpuDelta / systemDelta * cpus * 100.0, cpus * 100.0);
    }

    /**
     * Memory in use without the page cache the kernel can drop, exactly as the docker CLI computes
     * it: on cgroup v1 (marked by {@code total_inactive_file}, the hierarchical count, which docker
     * prefers there) usage minus {@code total_inactive_file}; otherwise, or when that is not below
     * usage, usage minus {@code inactive_file} (cgroup v2's field; v1 sends it too, for the cgroup
     * alone); each only when below usage, so the result is never negative nor above usage.
     */
    public static long memoryUsed(StatsSample s) {
        long usage = Math.max(0, s.memUsage());
        long v1 = s.totalInactiveFile();
        if (v1 >= 0 && v1 < usage) {
            return usage - v1;
        }
        long v2 = s.inactiveFile();
        if (v2 >= 0 && v2 < usage) {
            return usage - v2;
        }
        return usage;
    }

    /** Used memory as a percent of the limit; 0 without a limit. */
    public static double memoryPercent(long used, long limit) {
        return limit > 0 ? (double) used / limit * 100.0 : 0.0;
    }

    /** Everything the table shows, from a sample and the previous one of the same container. */
    public static ContainerStats compute(StatsSample current, StatsSample previous) {
        long used = memoryUsed(current);
        return new ContainerStats(current,
                cpuPercent(current, previous),
                used,
                memoryPercent(used, current.memLimit()));
    }
}
