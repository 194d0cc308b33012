package dev.dockstat.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The {@code filters} of {@code GET /containers/json} the fleet supports: id, name, label, status. */
final class ContainerFilter {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ACCEPTED = Set.of("ancestor", "before", "expose", "exited", "health", "id", "isolation",
            "is-task", "label", "name", "network", "publish", "since", "status", "volume");

    private final Map<String, Set<String>> values;

    private ContainerFilter(Map<String, Set<String>> values) {
        this.values = values;
    }

    static ContainerFilter parse(String json) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        if (json != null && !json.isEmpty()) {
            JsonNode root;
            try {
                root = MAPPER.readTree(json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("invalid filter: " + e.getOriginalMessage());
            }
            for (var e : root.properties()) {
                if (!ACCEPTED.contains(e.getKey())) {
                    throw new IllegalArgumentException("invalid filter '" + e.getKey() + "'");
                }
                Set<String> set = new LinkedHashSet<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> set.add(v.asText()));
                } else {
                    e.getValue().fieldNames().forEachRemaining(set::add);
                }
                values.put(e.getKey(), set);
            }
        }
        return new ContainerFilter(values);
    }

    /** A status filter lists stopped containers without {@code all}, as dockerd does. */
    boolean asksForStatus() {
        return values.containsKey("status");
    }

    boolean matches(SyntheticContainer c) {
        Set<String> ids = values.get("id");
        if (ids != null && ids.stream().noneMatch(c.id::startsWith)) {
            return false;
        }
        Set<String> names = values.get("name");
        if (names != null && names.stream().noneMatch(n -> ("/" + c.name).contains(n))) {
            return false;
        }
        Set<String> status = values.get("status");
        if (status != null && !status.contains(c.state())) {
            return false;
        }
        Set<String> labels = values.get("label");
        if (labels != null) {
            for (String kv : labels) {
                int eq = kv.indexOf('=');
                String have = c.labels.get(eq < 0 ? kv : kv.substring(0, eq));
                if (have == null || (eq >= 0 && !have.equals(kv.substring(eq + 1)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
