package dev.dockstat.cli.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code --filter key=value} values, as the docker CLI reads them (key lower-cased, both sides
 * trimmed, a key given twice matches either value), checked against the filters the engine's
 * events endpoint knows.
 */
public final class EventFilters {

    /** What {@code GET /events} filters on (Docker Engine 20.10+). */
    public static final Set<String> KEYS = Set.of("config", "container", "daemon", "event", "image", "label",
            "network", "node", "plugin", "scope", "secret", "service", "type", "volume");

    private EventFilters() {}

    /** @throws IllegalArgumentException naming the bad filter */
    public static Map<String, List<String>> parse(List<String> filters) {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bad format of filter (expected name=value): " + f);
            }
            String key = f.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = f.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("invalid filter '" + key + "' (filters: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            parsed.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parsed;
    }
}
