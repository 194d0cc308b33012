package dev.dockstat.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document as a tree whose every node knows where it stands, so a mistake can be reported as
 * {@code FILE:LINE:COL: message}. Jackson's tree model forgets positions; this reads the token
 * stream of jackson-dataformat-yaml instead.
 */
public final class YamlTree {

    /** A place in the file, 1-based. */
    public record Position(Path file, int line, int column) {
        /** A syntax problem at this place. */
        public YamlSyntaxException error(String message) {
            return new YamlSyntaxException(this, message);
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    public sealed interface Node permits Scalar, Mapping, Sequence {
        Position at();

        /** How the node is called in messages: "a mapping", "a list", "text", ... */
        String kind();
    }

    /** A scalar; {@code token} tells text ({@code VALUE_STRING}) from numbers, booleans and null. */
    public record Scalar(String text, JsonToken token, Position at) implements Node {
        @Override
        public String kind() {
            return switch (token) {
                case VALUE_STRING -> "text";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                default -> "nothing";
            };
        }

        public boolean isText() {
            return token == JsonToken.VALUE_STRING;
        }

        public boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        /** Text or a number, as written: both make a name or a label value. */
        public boolean isTextOrNumber() {
            return isText() || token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }
    }

    /** A key with its value; {@code keyAt} is where the key is written. */
    public record Entry(String key, Position keyAt, Node value) {}

    public record Mapping(Map<String, Entry> entries, Position at) implements Node {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    public record Sequence(List<Node> items, Position at) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    private static final YAMLFactory YAML = new YAMLFactory();

    private final Path file;
    private final JsonParser parser;

    private YamlTree(Path file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** The document's root; an empty document is an empty mapping. */
    public static Node parse(Path file, String text) throws YamlSyntaxException {
        try (JsonParser parser = YAML.createParser(text)) {
            YamlTree tree = new YamlTree(file, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), new Position(file, 1, 1));
            }
            return tree.node(first);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            Position at = where == null ? new Position(file, 1, 1) : new Position(file, where.getLineNr(), where.getColumnNr());
            throw at.error("not valid YAML: " + problem(e));
        } catch (IOException e) {
            throw new Position(file, 1, 1).error("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Node node(JsonToken token) throws IOException, YamlSyntaxException {
        Position at = position();
        return switch (token) {
            case START_OBJECT -> mapping(at);
            case START_ARRAY -> sequence(at);
            default -> new Scalar(parser.getText(), token, at);
        };
    }

    private Mapping mapping(Position at) throws IOException, YamlSyntaxException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            Position keyAt = position();
            Node value = node(parser.nextToken());
            if (entries.putIfAbsent(key, new Entry(key, keyAt, value)) != null) {
                throw keyAt.error("duplicate key '" + key + "'");
            }
        }
        return new Mapping(entries, at);
    }

    private Sequence sequence(Position at) throws IOException, YamlSyntaxException {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(node(t));
        }
        return new Sequence(items, at);
    }

    private Position position() {
        JsonLocation where = parser.currentTokenLocation();
        return new Position(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    }

    /** SnakeYAML's problem ("expected ',' or '}'") and its context, without the quoted source lines. */
    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            return marked.getProblem() + (marked.getContext() == null ? "" : " (" + marked.getContext() + ")");
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
