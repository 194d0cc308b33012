package dev.dockstat.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.df.DiskUsage;
import dev.dockstat.core.model.StatsSample;
import java.time.Duration;

/**
 * Which engine serves the Docker API, and the one place where what it answers is brought to
 * dockerd's meaning (docs/podman.md). Everything above {@link DockerClient} then sees dockerd's
 * figures whatever the engine, so no caller asks which engine it talks to.
 *
 * <p>Found from {@code GET /version}: Podman's compatible service lists a {@code Podman Engine}
 * component. The client asks only when the ping's headers say Libpod answered, so dockerd
 * costs no extra request.
 */
public interface EngineFlavour {

    /** dockerd (and anything else that answers as it does): its answers are taken as they are. */
    EngineFlavour DOCKERD = new EngineFlavour() {
        @Override
        public String name() {
            return "dockerd";
        }

        @Override
        public StatsSample stats(StatsSample raw, long prereadNanos) {
            return raw;
        }

        @Override
        public DiskUsage diskUsage(DiskUsage raw) {
            return raw;
        }

        @Override
        public byte[] diskUsageBody(byte[] raw) {
            return raw;
        }

        @Override
        public EventQuery events(EventQuery query, long engineNowNanos) {
            return query;
        }

        @Override
        public Duration collectorTick() {
            return Duration.ZERO; // dockerd answers a one-shot request at its collector's next tick
        }
    };

    /** For messages and logs, e.g. {@code dockerd}, {@code podman 4.3.1}. */
    String name();

    /**
     * A stats reading with dockerd's meaning of every counter.
     *
     * @param prereadNanos when the engine took the previous reading it sent with this one (0: none)
     */
    StatsSample stats(StatsSample raw, long prereadNanos);

    /** {@code /system/df} with dockerd's meaning of every figure. */
    DiskUsage diskUsage(DiskUsage raw);

    /**
     * A {@code /system/df} body passed on as JSON (serve-ipc's {@code disk_usage.data}), with the
     * figures a reader sums given dockerd's meaning. Returns {@code raw} itself when nothing needs
     * changing, so dockerd's body goes on byte for byte.
     */
    byte[] diskUsageBody(byte[] raw);

    /**
     * The {@code /events} query to send for {@code query}. When it returns another query, the client
     * leaves out events after {@code query}'s own {@code until}.
     *
     * @param engineNowNanos the engine's clock now (unix ns)
     */
    EventQuery events(EventQuery query, long engineNowNanos);

    /**
     * The stats collector's tick the client keeps for this engine: zero where the engine answers
     * one-shot requests at its own collector's next tick (dockerd), else the tick to wait for
     * before each one-shot request, so that two readings asked for in a row are a tick apart.
     */
    Duration collectorTick();

    /** The flavour a {@code GET /version} answer describes; dockerd's unless it names Podman. */
    static EngineFlavour fromVersion(JsonNode version) {
        for (JsonNode component : version.path("Components")) {
            if (component.path("Name").asText("").startsWith("Podman")) {
                return new PodmanFlavour(component.path("Version").asText(version.path("Version").asText("")));
            }
        }
        return DOCKERD;
    }
}
