package dev.dockstat.core.api;

import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.model.StatsSample;
import java.time.Duration;

/**
 * Where one engine's containers' counters are read from: the engine's stats API, or the kernel's
 * cgroup files on the engine's own host. Every source produces the same {@link StatsSample}, so the
 * one calculator, the histories, the renderers and the IPC encoder do not know which one ran.
 *
 * <p>Implementations are thread-safe: a round reads all containers at once, one thread each.
 */
public interface StatsSource extends AutoCloseable {

    /** {@code engine} or {@code kernel}: what {@code --source} names. */
    String name();

    /**
     * One reading of a container.
     *
     * @param idOrName a full ID, an ID prefix or a name, as the engine accepts them
     * @param mode {@link StatsMode#ONE_SHOT}: the counters now (the engine answers at its next
     *     tick); {@link StatsMode#WITH_PRECPU}: also an earlier reading of the CPU counters in the
     *     sample's precpu fields, so one call gives a CPU figure
     * @return for a container that is not running, an empty sample ({@link StatsSample#empty()})
     * @throws DockerException when there is no reading: the container does not exist
     *     ({@code NotFoundException}, also when it stopped while being read), or the engine or the
     *     files cannot be read; never another exception for a container that comes or goes
     */
    StatsSample sample(String idOrName, StatsMode mode);

    /**
     * How long to let pass between two readings of a container for a CPU figure when the caller
     * takes both itself (the {@code --no-stream} snapshot): zero for the engine, whose next reading
     * already waits for its next collection tick; the configured gap for a source that reads now.
     */
    Duration spacing();

    /**
     * Whether readings wait for a collector the engine runs itself (dockerd's): idle, it reads at
     * once for the first request; busy, once a tick. A round then lands on one tick only if its
     * requests all reach the engine after such a reading, which {@code StatsCollector} arranges by
     * sending a few requests first. False for a source that reads when asked (the kernel's files,
     * and Podman, whose ticks the client keeps itself).
     */
    default boolean pacedByEngineCollector() {
        return false;
    }

    /** Releases what the source holds (never the engine's client, which its owner closes). */
    @Override
    default void close() {}
}
