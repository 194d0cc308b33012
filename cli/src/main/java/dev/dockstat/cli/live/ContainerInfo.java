package dev.dockstat.cli.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import java.io.IOException;

/**
 * What the detail shows beyond the figures, from {@code GET /containers/{id}/json}: image, state,
 * and the limits the container was started with (0 = none).
 *
 * @param cpus CPUs allowed ({@code --cpus}, or quota / period); 0 = no limit
 * @param cpuset {@code --cpuset-cpus}, empty for any
 * @param memory {@code --memory} in bytes; 0 = no limit
 * @param pids {@code --pids-limit}; 0 or less = no limit
 * @param engine where the engine is ({@code DockerClient.where()})
 */
public record ContainerInfo(String image, String state, String since, int exitCode, int restarts, double cpus, String cpuset,
        long memory, long pids, String engine) {

    /** Reads the engine's inspect JSON. */
    public static ContainerInfo parse(byte[] inspect, String engine) throws IOException {
        JsonNode root = Json.MAPPER.readTree(inspect);
        JsonNode state = root.path("State");
        JsonNode host = root.path("HostConfig");
        double cpus = host.path("NanoCpus").asLong() / 1e9;
        long quota = host.path("CpuQuota").asLong();
        long period = host.path("CpuPeriod").asLong();
        if (cpus == 0 && quota > 0) {
            cpus = (double) quota / (period > 0 ? period : 100_000); // the kernel's default period
        }
        String status = state.path("Status").asText("");
        String since = state.path(status.equals("running") || status.equals("paused") ? "StartedAt" : "FinishedAt").asText("");
        return new ContainerInfo(root.path("Config").path("Image").asText(""), status, seconds(since),
                state.path("ExitCode").asInt(), root.path("RestartCount").asInt(), cpus, host.path("CpusetCpus").asText(""),
                host.path("Memory").asLong(), host.path("PidsLimit").asLong(), engine);
    }

    /** RFC 3339 with nanoseconds cut to whole seconds; the engine's zero time ({@code 0001-...}) to empty. */
    private static String seconds(String time) {
        if (time.isEmpty() || time.startsWith("0001-")) {
            return "";
        }
        int dot = time.indexOf('.');
        return dot < 0 ? time : time.substring(0, dot) + "Z";
    }
}
