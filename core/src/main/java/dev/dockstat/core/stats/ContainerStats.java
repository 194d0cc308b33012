package dev.dockstat.core.stats;

import dev.dockstat.core.model.StatsSample;

/**
 * The figures of one container at one reading.
 *
 * @param sample the raw reading (counters for net, block I/O, PIDs, limit, id, name)
 * @param cpuPercent percent of one CPU over the interval, NaN when there was no valid interval
 * @param memUsed memory in use minus inactive file cache
 * @param memPercent {@code memUsed} of the limit
 */
public record ContainerStats(StatsSample sample, double cpuPercent, long memUsed, double memPercent) {

    public String id() {
        return sample.id();
    }

    public String name() {
        return sample.displayName();
    }

    public boolean hasCpu() {
        return !Double.isNaN(cpuPercent);
    }

    /** CPU percent, 0 when there is no value (the way docker shows a first reading). */
    public double cpuOrZero() {
        return hasCpu() ? cpuPercent : 0.0;
    }
}
