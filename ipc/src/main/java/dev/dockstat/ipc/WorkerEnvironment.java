package dev.dockstat.ipc;

import dev.dockstat.core.engine.WatchSettings;
import java.time.Duration;
import java.util.Map;

/**
 * The worker's settings from its process environment (passed in, not read from a global):
 * <ul>
 *   <li>{@code SKIP_DF_COLLECTION}: {@code true} or {@code 1} turns disk usage off. Dockhand's own
 *       server reads only these as set; the Go worker took any non-empty value, even {@code false}
 *       (docs/serve-ipc.md, "Where it differs").</li>
 *   <li>{@code DOCKSTAT_DISK_DELAY_MS}: first disk check after configure (default 10000).</li>
 *   <li>{@code DOCKSTAT_DISK_INTERVAL_MS}: time between disk checks (default 300000).</li>
 *   <li>{@code DOCKSTAT_HEAP_TRIM_MS}: time between the worker's own full collections (default
 *       600000; 0 turns them off; see {@link HeapTrim}).</li>
 *   <li>{@code DOCKSTAT_DEBUG=1}: a stderr line per metrics round with its duration.</li>
 * </ul>
 */
record WorkerEnvironment(WatchSettings settings, boolean verbose, Duration heapTrim) {

    static final Duration HEAP_TRIM = Duration.ofMinutes(10);

    static WorkerEnvironment of(Map<String, String> env, Diagnostics diagnostics) {
        WatchSettings d = WatchSettings.DEFAULTS;
        String skip = env.getOrDefault("SKIP_DF_COLLECTION", "");
        boolean disk = !(skip.equals("true") || skip.equals("1"));
        Duration delay = millis(env, "DOCKSTAT_DISK_DELAY_MS", d.diskDelay(), 0, diagnostics);
        Duration interval = millis(env, "DOCKSTAT_DISK_INTERVAL_MS", d.diskInterval(), 1, diagnostics);
        Duration trim = millis(env, "DOCKSTAT_HEAP_TRIM_MS", HEAP_TRIM, 0, diagnostics);
        return new WorkerEnvironment(d.withDisk(disk, delay, interval), "1".equals(env.get("DOCKSTAT_DEBUG")), trim);
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback, long min, Diagnostics diagnostics) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms >= min) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        diagnostics.report(name + "=" + value + " is not a number of milliseconds >= " + min + "; using " + fallback.toMillis());
        return fallback;
    }
}
