package dev.dockstat.core.api;

import static dev.dockstat.core.api.JsonStream.array;
import static dev.dockstat.core.api.JsonStream.bool;
import static dev.dockstat.core.api.JsonStream.number;
import static dev.dockstat.core.api.JsonStream.object;
import static dev.dockstat.core.api.JsonStream.startObject;
import static dev.dockstat.core.api.JsonStream.strings;
import static dev.dockstat.core.api.JsonStream.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dockstat.core.model.ContainerState;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.EngineInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The engine's answers that a watch reads every round (container list, {@code /info}) or on
 * demand (inspect, error bodies), read with {@link JsonStream}: only the members the records
 * hold, the rest skipped.
 */
final class EngineJson {

    private EngineJson() {}

    /** {@code GET /containers/json}. */
    static List<ContainerSummary> containers(InputStream body) throws IOException {
        try (JsonParser p = JsonStream.FACTORY.createParser(body)) {
            return array(p, p.nextToken(), first -> container(p, first));
        }
    }

    private static ContainerSummary container(JsonParser p, JsonToken start) throws IOException {
        String[] text = new String[4]; // Id, Image, State, Status
        Object[] parts = new Object[2]; // Names, Labels
        long[] created = {0};
        object(p, start, (name, v) -> {
            switch (name) {
                case "Id" -> text[0] = text(p, v);
                case "Image" -> text[1] = text(p, v);
                case "State" -> text[2] = text(p, v);
                case "Status" -> text[3] = text(p, v);
                case "Names" -> parts[0] = array(p, v, n -> text(p, n));
                case "Labels" -> parts[1] = strings(p, v);
                case "Created" -> created[0] = number(p, v);
                default -> p.skipChildren();
            }
        });
        @SuppressWarnings("unchecked")
        List<String> names = parts[0] == null ? List.of() : ((List<String>) parts[0]).stream().filter(n -> n != null).toList();
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) parts[1];
        return new ContainerSummary(text[0], names, text[1], text[2], text[3], labels, created[0]);
    }

    /** {@code GET /info}: the members {@link EngineInfo} holds. */
    static EngineInfo info(InputStream body) throws IOException {
        try (JsonParser p = JsonStream.FACTORY.createParser(body)) {
            String[] text = new String[4]; // Name, ServerVersion, OperatingSystem, CgroupVersion
            long[] n = new long[4]; // NCPU, MemTotal, Containers, ContainersRunning
            object(p, startObject(p), (name, v) -> {
                switch (name) {
                    case "Name" -> text[0] = text(p, v);
                    case "ServerVersion" -> text[1] = text(p, v);
                    case "OperatingSystem" -> text[2] = text(p, v);
                    case "CgroupVersion" -> text[3] = text(p, v);
                    case "NCPU" -> n[0] = number(p, v);
                    case "MemTotal" -> n[1] = number(p, v);
                    case "Containers" -> n[2] = number(p, v);
                    case "ContainersRunning" -> n[3] = number(p, v);
                    default -> p.skipChildren();
                }
            });
            return new EngineInfo(text[0], (int) n[0], n[1], text[1], text[2], text[3], (int) n[2], (int) n[3]);
        }
    }

    /** {@code GET /containers/{id}/json}: identity and state. */
    static ContainerState inspect(InputStream body) throws IOException {
        try (JsonParser p = JsonStream.FACTORY.createParser(body)) {
            String[] text = new String[4]; // Id, Name, StartedAt, HostConfig.NetworkMode
            boolean[] running = {false};
            long[] pid = {0};
            object(p, startObject(p), (name, v) -> {
                switch (name) {
                    case "Id" -> text[0] = text(p, v);
                    case "Name" -> text[1] = text(p, v);
                    case "State" -> object(p, v, (f, sv) -> {
                        switch (f) {
                            case "Running" -> running[0] = bool(p, sv);
                            case "StartedAt" -> text[2] = text(p, sv);
                            case "Pid" -> pid[0] = number(p, sv);
                            default -> p.skipChildren();
                        }
                    });
                    case "HostConfig" -> object(p, v, (f, hv) -> {
                        if (f.equals("NetworkMode")) {
                            text[3] = text(p, hv);
                        } else {
                            p.skipChildren();
                        }
                    });
                    default -> p.skipChildren();
                }
            });
            String bare = text[1] == null ? "" : text[1].startsWith("/") ? text[1].substring(1) : text[1];
            return new ContainerState(text[0], bare, running[0], text[2] == null ? "" : text[2], pid[0],
                    text[3] == null ? "" : text[3]);
        }
    }

    /** The {@code message} of an error body, or null when the body is not such an object. */
    static String message(byte[] body) {
        try (JsonParser p = JsonStream.FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String[] message = {null};
            object(p, JsonToken.START_OBJECT, (name, v) -> {
                if (name.equals("message")) {
                    message[0] = text(p, v);
                } else {
                    p.skipChildren();
                }
            });
            return message[0];
        } catch (IOException notJson) {
            return null;
        }
    }
}
