package dev.dockstat.cli.render;

import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.ContainerStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code docker stats}: one method per column, values formatted exactly as the docker
 * CLI formats them. A row without a reading ({@link #invalid}) shows {@code --}, as docker does
 * for a container whose stats failed.
 *
 * @param container what the user typed for this container, or its ID when listed
 * @param environment the engine's name, for the ENV column with several engines
 */
public record StatsRow(String container, String environment, ContainerStats stats, boolean noTrunc) {

    /** The template fields, in docker's order, with their table headers. */
    public static final Map<String, String> HEADERS = headers();

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Container", "CONTAINER");
        h.put("Name", "NAME");
        h.put("ID", "CONTAINER ID");
        h.put("CPUPerc", "CPU %");
        h.put("MemUsage", "MEM USAGE / LIMIT");
        h.put("MemPerc", "MEM %");
        h.put("NetIO", "NET I/O");
        h.put("BlockIO", "BLOCK I/O");
        h.put("PIDs", "PIDS");
        h.put("Env", "ENV");
        return Map.copyOf(h);
    }

    private static final String INVALID = "--";

    public boolean invalid() {
        return stats == null;
    }

    public String field(String name) {
        return switch (name) {
            case "Container" -> container;
            case "Name" -> name();
            case "ID" -> id();
            case "CPUPerc" -> cpuPerc();
            case "MemUsage" -> memUsage();
            case "MemPerc" -> memPerc();
            case "NetIO" -> netIO();
            case "BlockIO" -> blockIO();
            case "PIDs" -> pids();
            case "Env" -> environment;
            default -> throw new IllegalArgumentException(name);
        };
    }

    public String name() {
        if (invalid()) {
            return container;
        }
        String n = stats.name();
        return n == null || n.isEmpty() ? INVALID : n;
    }

    public String id() {
        String id = invalid() ? container : stats.id();
        return noTrunc || id.length() <= 12 ? id : id.substring(0, 12);
    }

    public String cpuPerc() {
        return invalid() ? INVALID : DockerUnits.percent(stats.cpuOrZero());
    }

    public String memUsage() {
        return invalid() ? INVALID
                : DockerUnits.binary(stats.memUsed()) + " / " + DockerUnits.binary(sample().memLimit());
    }

    public String memPerc() {
        return invalid() ? INVALID : DockerUnits.percent(stats.memPercent());
    }

    public String netIO() {
        return invalid() ? INVALID : DockerUnits.decimal(sample().netRx()) + " / " + DockerUnits.decimal(sample().netTx());
    }

    public String blockIO() {
        return invalid() ? INVALID : DockerUnits.decimal(sample().blkRead()) + " / " + DockerUnits.decimal(sample().blkWrite());
    }

    public String pids() {
        return invalid() ? INVALID : Long.toString(sample().pids());
    }

    private StatsSample sample() {
        return stats.sample();
    }
}
