package dev.dockstat.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What makes an engine event the same event wherever it was read (docker events, dockstat events,
 * the worker): its time in nanoseconds, its actor and its action.
 */
record EventKey(long timeNano, String id, String action) implements Comparable<EventKey> {

    static EventKey of(JsonNode event) {
        String id = event.path("Actor").path("ID").asText(event.path("id").asText());
        return new EventKey(event.path("timeNano").asLong(), id, event.path("Action").asText(event.path("status").asText()));
    }

    /** Each key with how often it occurs, sorted by time: equal when two reads hold the same events, none twice. */
    static Map<EventKey, Long> counted(List<JsonNode> events, long fromNanos, long toNanos) {
        return events.stream().map(EventKey::of)
                .filter(k -> k.timeNano >= fromNanos && k.timeNano <= toNanos)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    @Override
    public int compareTo(EventKey o) {
        int c = Long.compare(timeNano, o.timeNano);
        if (c == 0) {
            c = id.compareTo(o.id);
        }
        return c != 0 ? c : action.compareTo(o.action);
    }

    @Override
    public String toString() {
        return timeNano + " " + (id.length() > 12 ? id.substring(0, 12) : id) + " " + action;
    }
}
