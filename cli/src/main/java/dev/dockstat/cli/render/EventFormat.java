package dev.dockstat.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import dev.dockstat.cli.render.template.GoValues;
import dev.dockstat.cli.render.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@code docker events} prints an event: its default line
 * ({@code 2026-11-23T08:01:31.561683771Z container start <id> (image=..., name=...)}: engine time in
 * the local zone with nine fraction digits, type, action, actor, attributes sorted by key),
 * {@code --format json} (the event as the CLI's Go struct marshals it), or a Go template over that
 * struct ({@code {{.Type}}}, {@code {{.Actor.Attributes.name}}}, {@code {{json .}}}); unlike stats
 * and df, docker's events takes the template as typed ({@code \t} stays two characters).
 */
public final class EventFormat {

    /** Go's {@code 2006-01-02T15:04:05.000000000Z07:00}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

    private final Template template; // null = docker's default line
    private final ZoneId zone;

    private EventFormat(Template template, ZoneId zone) {
        this.template = template;
        this.zone = zone;
    }

    /**
     * @param format null or empty for the default line, {@code json}, or a template
     * @throws IllegalArgumentException for a template that does not fit an event
     */
    public static EventFormat parse(String format, ZoneId zone) {
        if (format == null || format.isEmpty()) {
            return new EventFormat(null, zone);
        }
        String text = format.equals("json") ? "{{json .}}" : format;
        Template template = Template.parse(text);
        // as docker: the template runs once over an empty message, so a wrong field is found up front
        template.execute(templateValue(message(Json.MAPPER.createObjectNode()), true));
        return new EventFormat(template, zone);
    }

    /** The line for one event as the engine sent it (without the newline), or null when it is not JSON. */
    public String line(byte[] raw) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        return template == null ? pretty(node) : template.execute(templateValue(message(node), false));
    }

    private String pretty(JsonNode e) {
        StringBuilder out = new StringBuilder();
        long timeNano = e.path("timeNano").asLong(0);
        long time = e.path("time").asLong(0);
        if (timeNano != 0) {
            out.append(TIME.format(Instant.ofEpochSecond(0, timeNano).atZone(zone))).append(' ');
        } else if (time != 0) {
            out.append(TIME.format(Instant.ofEpochSecond(time).atZone(zone))).append(' ');
        }
        JsonNode actor = e.path("Actor");
        out.append(e.path("Type").asText("")).append(' ').append(e.path("Action").asText("")).append(' ')
                .append(actor.path("ID").asText(""));
        Map<String, String> attributes = attributes(actor.path("Attributes"));
        if (attributes != null && !attributes.isEmpty()) {
            out.append(" (");
            boolean first = true;
            for (var a : attributes.entrySet()) {
                out.append(first ? "" : ", ").append(a.getKey()).append('=').append(a.getValue());
                first = false;
            }
            out.append(')');
        }
        return out.toString();
    }

    /** Null for a missing or null map (Go's nil), sorted by key otherwise. */
    private static Map<String, String> attributes(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        Map<String, String> sorted = new TreeMap<>();
        node.properties().forEach(p -> sorted.put(p.getKey(), p.getValue().asText()));
        return sorted;
    }

    /** The docker CLI's {@code events.Message}, field for field, JSON names and omitempty included. */
    static GoValue.Struct message(JsonNode e) {
        JsonNode actor = e.path("Actor");
        GoValue.Struct actorValue = new GoValue.Struct("events.Actor", List.of(
                new GoValue.Field("ID", "ID", false, str(actor, "ID")),
                new GoValue.Field("Attributes", "Attributes", false, new GoValue.StrMap(attributes(actor.path("Attributes"))))));
        return new GoValue.Struct("events.Message", List.of(
                new GoValue.Field("Status", "status", true, str(e, "status")),
                new GoValue.Field("ID", "id", true, str(e, "id")),
                new GoValue.Field("From", "from", true, str(e, "from")),
                new GoValue.Field("Type", "Type", false, new GoValue.Str(e.path("Type").asText(""), "events.Type")),
                new GoValue.Field("Action", "Action", false, new GoValue.Str(e.path("Action").asText(""), "events.Action")),
                new GoValue.Field("Actor", "Actor", false, actorValue),
                new GoValue.Field("Scope", "scope", true, str(e, "scope")),
                new GoValue.Field("Time", "time", true, new GoValue.Int(e.path("time").asLong(0))),
                new GoValue.Field("TimeNano", "timeNano", true, new GoValue.Int(e.path("timeNano").asLong(0)))));
    }

    /** The message as the template sees it; docker checks the template against a pointer to an empty one. */
    static Object templateValue(GoValue v, boolean pointer) {
        return switch (v) {
            case GoValue.Str s -> s.type().equals("string") ? s.value() : new GoValues.NamedString(s.type(), s.value());
            case GoValue.Int i -> new GoValues.Int64(i.value());
            case GoValue.StrMap m -> GoValues.stringMap(m.values());
            case GoValue.Struct s -> {
                List<GoValues.Member> members = new ArrayList<>();
                for (GoValue.Field f : s.fields()) {
                    members.add(GoValues.Member.field(f.name(), f.jsonName(), f.omitEmpty(), templateValue(f.value(), false)));
                }
                yield new GoValues.Struct((pointer ? "*" : "") + s.type(), members);
            }
        };
    }

    private static GoValue.Str str(JsonNode node, String field) {
        return new GoValue.Str(node.path(field).asText(""));
    }
}
