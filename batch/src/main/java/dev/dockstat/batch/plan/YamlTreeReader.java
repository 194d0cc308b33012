package dev.dockstat.batch.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML into {@link YamlNode}s with their locations; syntax errors and duplicate keys become problems. */
final class YamlTreeReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTreeReader() {}

    /** The document's root, or null when the text is not YAML (the problem is recorded). */
    static YamlNode read(Reader text, Problems problems) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new YamlNode.Location(1, 1), "the file is empty");
                return null;
            }
            return node(parser, problems);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (e.getCause() instanceof IOException unreadable) { // a read failure the YAML parser wrapped, not a syntax error
                problems.add(new YamlNode.Location(1, 1), "cannot read: " + unreadable.getMessage());
                return null;
            }
            JsonLocation at = e.getLocation();
            String message = firstLine(e.getOriginalMessage());
            String hint = message.contains("flow") ? " (inside { } quote values that contain braces, e.g. path: \"out/{env}.csv\")" : "";
            problems.add(at == null ? new YamlNode.Location(1, 1) : location(at), "not valid YAML: " + message + hint);
            return null;
        } catch (IOException e) {
            problems.add(new YamlNode.Location(1, 1), "cannot read: " + e.getMessage());
            return null;
        }
    }

    private static YamlNode node(JsonParser p, Problems problems) throws IOException {
        YamlNode.Location at = location(p.currentTokenLocation());
        return switch (p.currentToken()) {
            case START_OBJECT -> map(p, at, problems);
            case START_ARRAY -> list(p, at, problems);
            case VALUE_STRING -> new YamlNode.ScalarNode(at, p.getText());
            case VALUE_NUMBER_INT -> new YamlNode.ScalarNode(at, p.getLongValue());
            case VALUE_NUMBER_FLOAT -> new YamlNode.ScalarNode(at, p.getDoubleValue());
            case VALUE_TRUE -> new YamlNode.ScalarNode(at, Boolean.TRUE);
            case VALUE_FALSE -> new YamlNode.ScalarNode(at, Boolean.FALSE);
            default -> new YamlNode.ScalarNode(at, null);
        };
    }

    private static YamlNode map(JsonParser p, YamlNode.Location at, Problems problems) throws IOException {
        YamlNode.MapNode map = new YamlNode.MapNode(at);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            YamlNode.Location keyAt = location(p.currentTokenLocation());
            p.nextToken();
            YamlNode value = node(p, problems);
            if (map.values().containsKey(key)) {
                problems.add(keyAt, "'" + key + "' is given twice (first at line " + map.keys().get(key).line() + ")");
                continue;
            }
            map.values().put(key, value);
            map.keys().put(key, keyAt);
        }
        return map;
    }

    private static YamlNode list(JsonParser p, YamlNode.Location at, Problems problems) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(p, problems));
        }
        return new YamlNode.ListNode(at, items);
    }

    private static YamlNode.Location location(JsonLocation l) {
        return new YamlNode.Location(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
