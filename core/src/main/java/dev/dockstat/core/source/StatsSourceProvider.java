package dev.dockstat.core.source;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.spi.Endpoint;

/**
 * A kind of {@link StatsSource}, found by {@link java.util.ServiceLoader} through
 * {@link StatsSourceRegistry} (a {@code META-INF/services} entry per implementation). Providers
 * keep no state and are thread-safe.
 */
public interface StatsSourceProvider {

    /** The name {@code --source} selects it by: {@code engine}, {@code kernel}. */
    String name();

    /**
     * Which provider {@code --source auto} tries first: the highest that is available wins. The
     * engine's own API, which always works, has the lowest.
     */
    int priority();

    /**
     * Null when nothing local rules this source out for {@code endpoint}, else why, in one
     * sentence for a user (e.g. "the engine is not a local unix socket"). Quick: looks at the
     * address and local files only, never asks the engine; must not throw.
     */
    String unsupported(Endpoint endpoint, SourceSettings settings);

    /**
     * Null when this source can read the containers of the engine {@code client} talks to, else
     * why not: {@link #unsupported}, then whatever needs the engine (e.g. reading one running
     * container's files). Must not throw.
     */
    default String unavailable(DockerClient client, SourceSettings settings) {
        return unsupported(client.endpoint(), settings);
    }

    /** A source for the engine's containers; call only after {@link #unavailable} said null. */
    StatsSource create(DockerClient client, SourceSettings settings);
}
