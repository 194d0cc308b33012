package dev.dockstat.core.model;

/**
 * What {@code GET /containers/{id}/json} says about a container's identity and state.
 *
 * @param id full ID
 * @param name name without the leading slash
 * @param running whether it runs now
 * @param startedAt when it last started (RFC 3339 as the engine sends it)
 */
public record ContainerState(String id, String name, boolean running, String startedAt) {}
