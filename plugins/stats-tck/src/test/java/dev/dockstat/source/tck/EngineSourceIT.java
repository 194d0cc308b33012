package dev.dockstat.source.tck;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EngineStatsSource;
import dev.dockstat.core.api.StatsSource;

/** Core's engine source (the engine's stats API) keeps the stats source contract. */
class EngineSourceIT extends StatsSourceContract {

    @Override
    protected StatsSource source(DockerClient client) {
        return new EngineStatsSource(client);
    }
}
