package dev.dockstat.core.engine;

import dev.dockstat.core.events.EventFollower;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EngineWatch} paces its loops. The defaults are the Dockhand worker's (docs/serve-ipc.md).
 *
 * @param metricsInterval time between the starts of two metrics rounds
 * @param eventMode follow a held-open stream, or poll
 * @param pollInterval time between two event polls
 * @param diskEnabled whether disk usage is collected at all
 * @param diskDelay from the start of the watch to the first disk check
 * @param diskInterval time between two disk checks
 */
public record WatchSettings(Duration metricsInterval, EventFollower.Mode eventMode, Duration pollInterval,
        boolean diskEnabled, Duration diskDelay, Duration diskInterval) {

    public static final WatchSettings DEFAULTS = new WatchSettings(Duration.ofSeconds(30), EventFollower.Mode.STREAM,
            Duration.ofSeconds(60), true, Duration.ofSeconds(10), Duration.ofMinutes(5));

    public WatchSettings {
        Objects.requireNonNull(eventMode, "eventMode");
        requirePositive(metricsInterval, "metricsInterval");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(diskInterval, "diskInterval");
        if (diskDelay.isNegative()) {
            throw new IllegalArgumentException("diskDelay must not be negative");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    public WatchSettings withMetricsInterval(Duration interval) {
        return new WatchSettings(interval, eventMode, pollInterval, diskEnabled, diskDelay, diskInterval);
    }

    public WatchSettings withEvents(EventFollower.Mode mode, Duration poll) {
        return new WatchSettings(metricsInterval, mode, poll, diskEnabled, diskDelay, diskInterval);
    }

    public WatchSettings withDisk(boolean enabled, Duration delay, Duration interval) {
        return new WatchSettings(metricsInterval, eventMode, pollInterval, enabled, delay, interval);
    }
}
