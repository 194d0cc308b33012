package dev.dockstat.core.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of the last events delivered, to drop exact duplicates when a stream is resumed with
 * {@code since} (the engine repeats events at the resume time). Bounded; not thread-safe.
 */
final class RecentEvents {

    private static final int CAPACITY = 4096;

    private final Map<String, Boolean> keys = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time a key is offered, false for a repeat. */
    boolean firstTime(EngineEvent event) {
        return keys.putIfAbsent(event.key(), Boolean.TRUE) == null;
    }
}
