package dev.dockstat.core.source;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EngineStatsSource;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.spi.Endpoint;

/** Provides {@link EngineStatsSource}: available for every engine. */
public final class EngineStatsSourceProvider implements StatsSourceProvider {

    @Override
    public String name() {
        return EngineStatsSource.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String unsupported(Endpoint endpoint, SourceSettings settings) {
        return null;
    }

    @Override
    public StatsSource create(DockerClient client, SourceSettings settings) {
        return new EngineStatsSource(client);
    }
}
