package dev.dockstat.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filters} of {@code GET /events}, matched as dockerd matches them: values of one key are
 * alternatives (labels excepted: all must match), keys must all match; container, network and the
 * like match the actor's ID or name by prefix.
 */
final class EventFilter {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ACCEPTED = Set.of("container", "image", "event", "label", "type", "daemon",
            "volume", "network", "plugin", "node", "service", "secret", "config", "scope");
    private static final List<String> BY_NAME = List.of("container", "network", "volume", "plugin", "node", "service",
            "secret", "config", "daemon");

    static final EventFilter ALL = new EventFilter(Map.of());

    private final Map<String, Set<String>> values;

    private EventFilter(Map<String, Set<String>> values) {
        this.values = values;
    }

    /**
     * Reads the JSON form, {@code {"type":["container"]}} or the older {@code {"type":{"container":true}}}.
     *
     * @throws IllegalArgumentException for unreadable JSON or a key dockerd does not accept
     */
    static EventFilter parse(String json) {
        if (json == null || json.isEmpty()) {
            return ALL;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid filter: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("invalid filter: not a JSON object");
        }
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (var e : root.properties()) {
            if (!ACCEPTED.contains(e.getKey())) {
                throw new IllegalArgumentException("invalid filter '" + e.getKey() + "'");
            }
            Set<String> set = new LinkedHashSet<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> set.add(v.asText()));
            } else if (e.getValue().isObject()) {
                e.getValue().fieldNames().forEachRemaining(set::add);
            }
            values.put(e.getKey(), set);
        }
        return new EventFilter(values);
    }

    boolean matches(EngineEvent ev) {
        if (!exact("type", ev.type()) || !exact("scope", "local") || !action(ev.action()) || !image(ev) || !labels(ev)) {
            return false;
        }
        for (String key : BY_NAME) {
            if (!fuzzy(key, ev.actorId()) && !fuzzy(key, ev.attributes().getOrDefault("name", ""))) {
                return false;
            }
        }
        return true;
    }

    private boolean exact(String key, String value) {
        Set<String> v = values.get(key);
        return v == null || v.isEmpty() || v.contains(value);
    }

    private boolean fuzzy(String key, String value) {
        Set<String> v = values.get(key);
        if (v == null || v.isEmpty() || v.contains(value)) {
            return true;
        }
        for (String prefix : v) {
            if (value.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code exec_start: sh -c ...} matches {@code event=exec_start}. */
    private boolean action(String action) {
        Set<String> v = values.get("event");
        if (v == null || v.isEmpty() || v.contains(action)) {
            return true;
        }
        int colon = action.indexOf(':');
        return colon > 0 && v.contains(action.substring(0, colon));
    }

    private boolean image(EngineEvent ev) {
        Set<String> v = values.get("image");
        if (v == null || v.isEmpty()) {
            return true;
        }
        String name = ev.attributes().getOrDefault(ev.type().equals("image") ? "name" : "image", "");
        return v.contains(ev.actorId()) || v.contains(name) || v.contains(stripTag(name));
    }

    private static String stripTag(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
    }

    /** Every label filter must hold: {@code key} present, or {@code key=value} equal. */
    private boolean labels(EngineEvent ev) {
        Set<String> v = values.get("label");
        if (v == null) {
            return true;
        }
        for (String kv : v) {
            int eq = kv.indexOf('=');
            String key = eq < 0 ? kv : kv.substring(0, eq);
            String have = ev.attributes().get(key);
            if (have == null || (eq >= 0 && !have.equals(kv.substring(eq + 1)))) {
                return false;
            }
        }
        return true;
    }
}
