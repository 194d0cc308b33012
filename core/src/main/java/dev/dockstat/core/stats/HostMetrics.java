package dev.dockstat.core.stats;

import dev.dockstat.core.model.EngineInfo;
import java.util.Optional;

/**
 * One environment's load as a whole, from a round and {@code /info}: the host figures of the IPC
 * {@code metrics} message, what Dockhand plots per host.
 *
 * <p>An engine that reports no CPU count is taken as one CPU, as Dockhand's Go worker does, so the
 * host figure is then the plain sum of the containers' percents rather than no figure at all: the
 * parent keeps a curve, and the worker stays a drop-in replacement.
 *
 * @param cpuPercent percent of the whole host: the sum of container CPU percents (each a percent
 *     of one CPU) divided by the engine's CPU count, so one container busy on 1 of 2 CPUs reads 50
 * @param memPercent {@code memUsed} of {@code memTotal}
 * @param memUsed sum over the round's containers of usage minus inactive file cache, bytes
 * @param memTotal the engine's memory ({@code /info MemTotal}), bytes
 * @param cpuCount the engine's CPUs ({@code /info NCPU}; 1 when it reports none)
 */
public record HostMetrics(double cpuPercent, double memPercent, long memUsed, long memTotal, int cpuCount) {

    /**
     * The figures of a round, or empty when they are not meaningful: the engine reported no memory
     * (a failed {@code /info} reads as zero) or the CPU sum is not finite.
     */
    public static Optional<HostMetrics> of(Round round, EngineInfo info) {
        return of(round.cpuPercentSum(), round.memUsedSum(), info.memTotal(), info.ncpu());
    }

    /** As {@link #of(Round, EngineInfo)}, from the sums and the engine's figures directly. */
    public static Optional<HostMetrics> of(double cpuPercentSum, long memUsed, long memTotal, int ncpu) {
        int cpus = ncpu > 0 ? ncpu : 1;
        double cpu = cpuPercentSum / cpus;
        if (!Double.isFinite(cpu) || memTotal <= 0) {
            return Optional.empty();
        }
        return Optional.of(new HostMetrics(cpu, (double) memUsed / memTotal * 100.0, memUsed, memTotal, cpus));
    }
}
