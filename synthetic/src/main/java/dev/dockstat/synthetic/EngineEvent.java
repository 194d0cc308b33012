package dev.dockstat.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;

/**
 * One event as dockerd emits it, serialised once: a line of {@code /events} and an entry in the
 * engine's record. Container events carry the deprecated {@code status}/{@code id}/{@code from}
 * fields as dockerd still sends them; other types do not.
 */
record EngineEvent(String type, String action, String actorId, SortedMap<String, String> attributes, String from,
        long timeNano, byte[] line) {

    static EngineEvent of(String type, String action, String actorId, SortedMap<String, String> attributes, String from,
            long timeNano) {
        StringBuilder b = new StringBuilder(256);
        b.append('{');
        if (type.equals("container")) {
            b.append("\"status\":");
            Json.quote(b, action).append(",\"id\":");
            Json.quote(b, actorId).append(",\"from\":");
            Json.quote(b, from).append(',');
        }
        b.append("\"Type\":");
        Json.quote(b, type).append(",\"Action\":");
        Json.quote(b, action).append(",\"Actor\":{\"ID\":");
        Json.quote(b, actorId).append(",\"Attributes\":");
        Json.stringMap(b, attributes).append("},\"scope\":\"local\",\"time\":").append(Math.floorDiv(timeNano, 1_000_000_000L))
                .append(",\"timeNano\":").append(timeNano).append("}\n");
        return new EngineEvent(type, action, actorId, attributes, from, timeNano, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    String json() {
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }
}
