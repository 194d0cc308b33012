package dev.dockstat.core.engine;

import dev.dockstat.core.model.EngineInfo;
import dev.dockstat.core.stats.Round;
import java.util.Optional;

/**
 * One environment's load as a whole, from a round and {@code /info}: what Dockhand plots per host.
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
        int cpus = info.ncpu() > 0 ? info.ncpu() : 1;
        double cpu = round.cpuPercentSum() / cpus;
        long used = round.memUsedSum();
        long total = info.memTotal();
        if (!Double.isFinite(cpu) || total <= 0) {
            return Optional.empty();
        }
        return Optional.of(new HostMetrics(cpu, (double) used / total * 100.0, used, total, cpus));
    }
}
