package dev.dockstat.core.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dockstat.core.api.JsonStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        try (JsonParser p = JsonStream.FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            long[] time = new long[2]; // timeNano, time
            String[] text = new String[5]; // Type, Action, status, Actor.ID, id
            List<Map<String, String>> attributes = new ArrayList<>(1); // Actor.Attributes, as parsed (no copy)
            JsonStream.object(p, JsonToken.START_OBJECT, (name, v) -> {
                switch (name) {
                    case "timeNano" -> time[0] = JsonStream.number(p, v);
                    case "time" -> time[1] = JsonStream.number(p, v);
                    case "Type" -> text[0] = JsonStream.text(p, v);
                    case "Action" -> text[1] = JsonStream.text(p, v);
                    case "status" -> text[2] = JsonStream.text(p, v);
                    case "id" -> text[4] = JsonStream.text(p, v);
                    case "Actor" -> JsonStream.object(p, v, (f, av) -> {
                        switch (f) {
                            case "ID" -> text[3] = JsonStream.text(p, av);
                            case "Attributes" -> attributes.add(JsonStream.strings(p, av));
                            default -> p.skipChildren();
                        }
                    });
                    default -> p.skipChildren();
                }
            });
            if (p.nextToken() != null) {
                return null; // not one JSON value
            }
            long timeNano = time[0] != 0 ? time[0] : time[1] * 1_000_000_000L;
            if (timeNano == 0) {
                return null;
            }
            String id = text[3] != null ? text[3] : text[4] != null ? text[4] : "";
            String action = text[1] != null ? text[1] : text[2] != null ? text[2] : "";
            return new EngineEvent(line, timeNano, text[0] == null ? "" : text[0], action, id,
                    attributes.isEmpty() ? Map.of() : attributes.getLast());
        } catch (IOException e) {
            return null;
        }
    }

    /** What makes two deliveries the same event: time, actor and action. */
    public String key() {
        return timeNano + "/" + actorId + "/" + action;
    }
}
