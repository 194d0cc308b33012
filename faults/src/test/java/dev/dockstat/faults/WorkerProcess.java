package dev.dockstat.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The packaged {@code collection-worker} run as Dockhand runs it: no arguments, commands on stdin,
 * JSON lines on stdout. Every stdout line is parsed as it arrives; one that is not a JSON object is
 * kept in {@link #invalidLines()}, which a test expects to be empty.
 */
final class WorkerProcess extends ChildProcess {

    /** A parsed stdout message and when it arrived. */
    record Message(long atMillis, JsonNode json) {
        String type() {
            return json.path("type").asText();
        }

        long envId() {
            return json.path("envId").asLong();
        }
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> invalid = new CopyOnWriteArrayList<>();

    WorkerProcess(String name, Map<String, String> env) {
        super(name, launcher("collection-worker"), env);
    }

    @Override
    protected void received(Line line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line.text());
            if (node == null || !node.isObject()) {
                invalid.add(line.text());
            } else {
                messages.add(new Message(line.atMillis(), node));
            }
        } catch (IOException e) {
            invalid.add(line.text());
        }
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    List<Message> of(String type, long envId) {
        return messages.stream().filter(m -> m.type().equals(type) && m.envId() == envId).toList();
    }

    /** The {@code online} values of an environment's status lines, in order. */
    List<Boolean> statuses(long envId) {
        return of("env_status", envId).stream().map(m -> m.json().path("online").asBoolean()).toList();
    }

    /** The engine events delivered for an environment, in order. */
    List<JsonNode> events(long envId) {
        return of("container_event", envId).stream().map(m -> m.json().path("event")).toList();
    }

    List<String> invalidLines() {
        return List.copyOf(invalid);
    }

    /** A {@code configure} for the engine behind a Hawser token proxy (plain HTTP). */
    static String hawser(long envId, String hostPort, String token) {
        String[] hp = hostPort.split(":");
        return "{\"type\":\"configure\",\"envId\":" + envId + ",\"name\":\"env" + envId + "\",\"connectionType\":\"hawser-standard\","
                + "\"hawserToken\":\"" + token + "\",\"config\":{\"type\":\"http\",\"host\":\"" + hp[0] + "\",\"port\":" + hp[1] + "}}";
    }

    /** A {@code configure} for an engine's unix socket. */
    static String socket(long envId, String socketUri) {
        return "{\"type\":\"configure\",\"envId\":" + envId + ",\"name\":\"env" + envId + "\",\"connectionType\":\"socket\","
                + "\"config\":{\"type\":\"socket\",\"socketPath\":\"" + socketUri.substring("unix://".length()) + "\"}}";
    }
}
