package dev.dockstat.core.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings a source is built with.
 *
 * @param spacing the gap between the two readings of a one-shot CPU figure (the kernel source's
 *     {@code --no-stream}: ~200 ms); the engine paces itself and ignores it
 * @param procRoot where the engine host's {@code /proc} is visible ({@code /proc}, or e.g.
 *     {@code /host/proc} inside a container that mounts the host's)
 * @param cgroupRoot where the engine host's cgroup hierarchy is mounted
 */
public record SourceSettings(Duration spacing, Path procRoot, Path cgroupRoot) {

    public static final Duration DEFAULT_SPACING = Duration.ofMillis(200);
    /** The shortest gap that still spans a few of the kernel's 10 ms host CPU ticks. */
    public static final Duration MIN_SPACING = Duration.ofMillis(50);

    public static final SourceSettings DEFAULTS = new SourceSettings(DEFAULT_SPACING, Path.of("/proc"), Path.of("/sys/fs/cgroup"));

    public SourceSettings {
        if (spacing.compareTo(MIN_SPACING) < 0) {
            throw new IllegalArgumentException("the gap between two readings must be at least " + MIN_SPACING.toMillis() + "ms");
        }
    }

    /**
     * The defaults with the roots from {@code DOCKSTAT_PROC} and {@code DOCKSTAT_CGROUP} and the
     * gap from {@code DOCKSTAT_SAMPLE_GAP_MS}, when set.
     */
    public static SourceSettings fromEnvironment(Map<String, String> env) {
        Duration spacing = DEFAULT_SPACING;
        String gap = env.get("DOCKSTAT_SAMPLE_GAP_MS");
        if (gap != null && !gap.isBlank()) {
            try {
                spacing = Duration.ofMillis(Long.parseLong(gap.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DOCKSTAT_SAMPLE_GAP_MS: not a number of milliseconds: " + gap);
            }
        }
        return new SourceSettings(spacing,
                Path.of(env.getOrDefault("DOCKSTAT_PROC", "/proc")),
                Path.of(env.getOrDefault("DOCKSTAT_CGROUP", "/sys/fs/cgroup")));
    }

    public SourceSettings withSpacing(Duration gap) {
        return new SourceSettings(gap, procRoot, cgroupRoot);
    }
}
