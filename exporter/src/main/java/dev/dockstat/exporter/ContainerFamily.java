package dev.dockstat.exporter;

import dev.dockstat.core.stats.ContainerStats;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One per-container metric family: cAdvisor's name where it has one (so existing dashboards
 * work), the engine's raw counter or gauge (Prometheus computes rates itself).
 *
 * @param name the family's name ({@code _total} is added to a counter's samples)
 * @param unit the OpenMetrics unit, or null
 */
record ContainerFamily(String name, String help, String unit, boolean counter, ToDoubleFunction<ContainerStats> value) {

    static final List<ContainerFamily> ALL = List.of(
            new ContainerFamily("container_cpu_usage_seconds", "Cumulative CPU time consumed by the container.", "seconds", true,
                    s -> s.sample().cpuTotal() / 1e9),
            new ContainerFamily("container_memory_working_set_bytes", "Memory in use minus inactive file cache (docker stats MEM USAGE).",
                    "bytes", false, s -> s.memUsed()),
            new ContainerFamily("container_memory_usage_bytes", "Memory usage including all caches.", "bytes", false,
                    s -> s.sample().memUsage()),
            new ContainerFamily("container_spec_memory_limit_bytes", "Memory limit of the container (the host's memory when unlimited).",
                    "bytes", false, s -> s.sample().memLimit()),
            new ContainerFamily("container_network_receive_bytes", "Cumulative bytes received, all interfaces.", "bytes", true,
                    s -> s.sample().netRx()),
            new ContainerFamily("container_network_transmit_bytes", "Cumulative bytes transmitted, all interfaces.", "bytes", true,
                    s -> s.sample().netTx()),
            new ContainerFamily("container_fs_reads_bytes", "Cumulative bytes read from block devices.", "bytes", true,
                    s -> s.sample().blkRead()),
            new ContainerFamily("container_fs_writes_bytes", "Cumulative bytes written to block devices.", "bytes", true,
                    s -> s.sample().blkWrite()),
            new ContainerFamily("container_processes", "Tasks in the container's pids cgroup (docker stats PIDS).", null, false,
                    s -> s.sample().pids()));

    /** The name on each sample line. */
    String sampleName() {
        return counter ? name + "_total" : name;
    }

    /** HELP and TYPE (and UNIT in OpenMetrics), written once per scrape before the engines' lines. */
    byte[] header(ExpositionFormat format) {
        String type = counter ? "counter" : "gauge";
        String text = format == ExpositionFormat.TEXT
                ? "# HELP " + sampleName() + " " + help + "\n# TYPE " + sampleName() + " " + type + "\n"
                : "# TYPE " + name + " " + type + "\n" + (unit == null ? "" : "# UNIT " + name + " " + unit + "\n")
                        + "# HELP " + name + " " + help + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
