package dev.dockstat.core.stats;

import dev.dockstat.core.model.EngineInfo;

/**
 * The host-wide figures of one round, as the IPC {@code metrics} message defines them
 * (docs/serve-ipc.md): the containers' CPU as a share of the whole host, and their memory of the host's.
 *
 * @param cpu percent of the whole host: the sum of container CPU percents (each of one CPU) / NCPU
 * @param memPercent {@code memUsed / memTotal * 100}
 * @param memUsed the sum over the containers read of usage minus inactive file, bytes
 * @param memTotal the host's memory ({@code /info MemTotal}), bytes
 * @param cpuCount the host's CPUs ({@code /info NCPU})
 */
public record HostAggregate(double cpu, double memPercent, long memUsed, long memTotal, int cpuCount) {

    /** The aggregate of a round's readings on a host described by {@code info}. */
    public static HostAggregate of(Round round, EngineInfo info) {
        return of(round.cpuPercentSum(), round.memUsedSum(), info.memTotal(), info.ncpu());
    }

    /**
     * From the sums directly. A host that reports no CPUs or no memory gives a non-finite figure,
     * which {@link #sendable()} rejects, rather than a made-up one.
     */
    public static HostAggregate of(double cpuPercentSum, long memUsed, long memTotal, int cpuCount) {
        double cpu = cpuCount > 0 ? cpuPercentSum / cpuCount : Double.NaN;
        double memPercent = memTotal > 0 ? (double) memUsed / memTotal * 100.0 : Double.NaN;
        return new HostAggregate(cpu, memPercent, memUsed, memTotal, cpuCount);
    }

    /** Whether the {@code metrics} message may carry these figures: finite, and a known memory total. */
    public boolean sendable() {
        return Double.isFinite(cpu) && Double.isFinite(memPercent) && memTotal > 0;
    }
}
