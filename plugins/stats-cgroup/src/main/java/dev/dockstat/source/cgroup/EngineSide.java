package dev.dockstat.source.cgroup;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.model.ContainerState;
import dev.dockstat.core.model.StatsSample;

/**
 * What the kernel source still asks the engine: who a container is and the PID of its main
 * process, and, for a container whose files cannot be read, its stats. An interface so the
 * fixture tests can answer for an engine that is not there.
 */
interface EngineSide {

    /** {@code GET /containers/{id}/json}; {@code NotFoundException} when there is no such container. */
    ContainerState inspect(String idOrName);

    /** The engine's own reading. */
    StatsSample stats(String idOrName, StatsMode mode);

    static EngineSide of(DockerClient client) {
        return new EngineSide() {
            @Override
            public ContainerState inspect(String idOrName) {
                return client.inspect(idOrName);
            }

            @Override
            public StatsSample stats(String idOrName, StatsMode mode) {
                return client.stats(idOrName, mode);
            }
        };
    }
}
