package dev.dockstat.core.source;

import dev.dockstat.core.api.DockerClient;

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
     * Null when this source can read the containers of the engine {@code client} talks to, else
     * why not, in one sentence for a user (e.g. "the engine is not a local unix socket"). May ask
     * the engine (a container list, an inspect) and look at local files; must not throw.
     */
    String unavailable(DockerClient client, SourceSettings settings);

    /** A source for the engine's containers; call only after {@link #unavailable} said null. */
    StatsSource create(DockerClient client, SourceSettings settings);
}
