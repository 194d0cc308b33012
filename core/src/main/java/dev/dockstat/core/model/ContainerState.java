package dev.dockstat.core.model;

/**
 * What {@code GET /containers/{id}/json} says about a container's identity and state.
 *
 * @param id full ID
 * @param name name without the leading slash
 * @param running whether it runs now
 * @param startedAt when it last started (RFC 3339 as the engine sends it)
 * @param pid the host PID of its main process ({@code State.Pid}); 0 when not running
 * @param networkMode {@code HostConfig.NetworkMode}: {@code host} shares the host's network
 *     namespace, whose counters docker does not report as the container's
 */
public record ContainerState(String id, String name, boolean running, String startedAt, long pid, String networkMode) {

    public ContainerState(String id, String name, boolean running, String startedAt) {
        this(id, name, running, startedAt, 0, "");
    }
}
