package dev.dockstat.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One engine event: the bytes exactly as the engine sent them (passed on untouched) and the fields
 * dockstat reads from them.
 *
 * @param raw the JSON object as received
 * @param timeNano {@code timeNano}, unix nanoseconds
 * @param type {@code Type}, e.g. container
 * @param action {@code Action}, e.g. start
 * @param actorId {@code Actor.ID}
 * @param attributes {@code Actor.Attributes} (name, image, labels, exit code ...)
 */
public record EngineEvent(byte[] raw, long timeNano, String type, String action, String actorId,
        Map<String, String> attributes) {

    /** The event in a line, or null when the line is not a JSON object with a time. */
    public static EngineEvent parse(byte[] line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        long timeNano = node.path("timeNano").asLong(0);
        if (timeNano == 0) {
            timeNano = node.path("time").asLong(0) * 1_000_000_000L;
        }
        if (timeNano == 0) {
            return null;
        }
        JsonNode actor = node.path("Actor");
        Map<String, String> attributes = new LinkedHashMap<>();
        actor.path("Attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        String id = actor.path("ID").asText(node.path("id").asText(""));
        String action = node.path("Action").asText(node.path("status").asText(""));
        return new EngineEvent(line, timeNano, node.path("Type").asText(""), action, id, attributes);
    }

    /** What makes two deliveries the same event: time, actor and action. */
    public String key() {
        return timeNano + "/" + actorId + "/" + action;
    }
}
