package dev.dockstat.ipc;

import dev.dockstat.core.spi.Secret;

/**
 * A message from the parent (stdin), one per line. Field names and types are the Go worker's
 * {@code InMessage}; the decoder ({@link InboundDecoder}) checks them as strictly as Go's
 * {@code json.Unmarshal} does. Absent fields read as Go's zero values: 0, null strings, false.
 */
public sealed interface Inbound {

    /**
     * {@code configure}: watch an environment, replacing any with the same {@code envId}.
     *
     * @param config null = just remove the environment
     * @param hawserToken null when absent or empty
     */
    /**
     * @param statsSource dockstat's extension: {@code auto}, {@code engine} or {@code kernel}
     *     (docs/stats-sources.md); null when the parent did not say (Dockhand never does), which is
     *     the worker's default ({@code DOCKSTAT_SOURCE}, else auto)
     */
    record Configure(long envId, String name, String connectionType, Secret hawserToken, EnvConfig config, String statsSource)
            implements Inbound {

        public Configure(long envId, String name, String connectionType, Secret hawserToken, EnvConfig config) {
            this(envId, name, connectionType, hawserToken, config, null);
        }

        /** Hawser's edge agent connects inward: there is nothing to poll (docs/serve-ipc.md). */
        public boolean edge() {
            return "hawser-edge".equals(connectionType);
        }
    }

    /** {@code remove}: stop and forget an environment. */
    record Remove(long envId) implements Inbound {}

    /** {@code set_metrics_interval}: a new metrics period for every environment; 0 or less = unchanged. */
    record SetMetricsInterval(long intervalMs) implements Inbound {}

    /**
     * {@code set_event_mode}.
     *
     * @param mode {@code stream}, {@code poll}, or null/empty = unchanged
     * @param pollIntervalMs 0 or less = unchanged
     */
    record SetEventMode(String mode, long pollIntervalMs) implements Inbound {}

    /** {@code shutdown}: stop everything and exit 0. */
    record Shutdown() implements Inbound {}

    /**
     * {@code container_metrics} (the history extension): the points of one container's history
     * after {@code from}.
     */
    record ContainerMetrics(long envId, String container, long from) implements Inbound {}

    /** Any other {@code type}, including none (then {@code type} is null). */
    record Unknown(String type) implements Inbound {}
}
