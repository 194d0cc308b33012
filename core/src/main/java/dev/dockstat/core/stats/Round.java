package dev.dockstat.core.stats;

import dev.dockstat.core.model.ContainerSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One collection round of an environment.
 *
 * @param started when the round began
 * @param took how long it took, container list included
 * @param containers the containers listed at the start of the round
 * @param stats a reading for each container that answered in time, in list order
 * @param failures container id to reason, for those that did not
 */
public record Round(Instant started, Duration took, List<ContainerSummary> containers,
        List<ContainerStats> stats, Map<String, String> failures) {

    public Round {
        containers = List.copyOf(containers);
        stats = List.copyOf(stats);
        failures = Map.copyOf(failures);
    }

    /** Sum of container CPU percents that have a value (percent of one CPU). */
    public double cpuPercentSum() {
        return stats.stream().filter(ContainerStats::hasCpu).mapToDouble(ContainerStats::cpuPercent).sum();
    }

    /** Sum of memory in use (minus inactive file) over the containers read. */
    public long memUsedSum() {
        return stats.stream().mapToLong(ContainerStats::memUsed).sum();
    }
}
