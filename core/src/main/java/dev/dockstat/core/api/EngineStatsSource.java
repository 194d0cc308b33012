package dev.dockstat.core.api;

import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.model.StatsSample;
import java.time.Duration;

/**
 * The engine's stats API ({@code GET /containers/{id}/stats}): today's path, and the one every
 * engine can serve, remote or local.
 *
 * <p>Why it lives in core and not in a plugin like the kernel source: it is the default every
 * other path falls back to, it is one call of core's own {@link DockerClient}, and core's
 * collectors, the training run and tests that only have core on the class path need it. It is
 * still registered with {@link java.util.ServiceLoader} like the kernel source, so the registry
 * treats the two alike.
 */
public final class EngineStatsSource implements StatsSource {

    public static final String NAME = "engine";

    private final DockerClient client;

    public EngineStatsSource(DockerClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StatsSample sample(String idOrName, StatsMode mode) {
        return client.stats(idOrName, mode);
    }

    @Override
    public Duration spacing() {
        return Duration.ZERO;
    }

    @Override
    public boolean pacedByEngineCollector() {
        return client.flavour().collectorTick().isZero();
    }
}
