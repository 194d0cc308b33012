package dev.dockstat.core.yaml;

import com.fasterxml.jackson.core.JsonToken;
import dev.dockstat.core.yaml.YamlTree.Entry;
import dev.dockstat.core.yaml.YamlTree.Mapping;
import dev.dockstat.core.yaml.YamlTree.Node;
import dev.dockstat.core.yaml.YamlTree.Position;
import dev.dockstat.core.yaml.YamlTree.Scalar;
import dev.dockstat.core.yaml.YamlTree.Sequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mapping of a file being checked: typed reads that record a located problem and go on
 * instead of throwing, so a whole file is checked in one pass. Keys not in {@code allowed} are
 * problems. Both dockstat's YAML files (the environments file, a plan) are read through this.
 */
public final class Fields {

    private final Mapping map;
    private final String where;
    private final Problems problems;
    private final Wording wording;

    /**
     * @param where what this mapping is, for messages, e.g. {@code job 'web'} or {@code environment 'prod'}
     */
    private Fields(Mapping map, String where, Problems problems, Wording wording, Collection<String> allowed) {
        this.map = map;
        this.where = where;
        this.problems = problems;
        this.wording = wording;
        for (Entry e : map.entries().values()) {
            if (allowed != null && !allowed.contains(e.key())) {
                problems.add(e.keyAt(), wording.unknownKey(where, e.key(), allowed));
            }
        }
    }

    /** The mapping's fields, or null after recording that the node is not a mapping. */
    public static Fields of(Node node, String where, Problems problems, Wording wording, Collection<String> allowed) {
        if (node instanceof Mapping m) {
            return new Fields(m, where, problems, wording, allowed);
        }
        problems.add(node.at(), wording.wrongType(where, "a mapping", wording.describe(node)));
        return null;
    }

    /** A mapping of names to things (any key is allowed), or null after recording that the node is not a mapping. */
    public static Fields ofNames(Node node, String where, Problems problems, Wording wording) {
        return of(node, where, problems, wording, null);
    }

    public Position at() {
        return map.at();
    }

    public String where() {
        return where;
    }

    public Map<String, Entry> entries() {
        return map.entries();
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    /** The value written for {@code key}, or null. */
    public Node node(String key) {
        Entry e = map.entries().get(key);
        return e == null ? null : e.value();
    }

    public void problem(Position at, String message) {
        problems.add(at, message);
    }

    /** Records {@code found} as not being {@code expected}. */
    public void wrongType(String key, String expected, Node found) {
        problems.add(found.at(), wording.wrongType(wording.subject(where, key), expected, wording.describe(found)));
    }

    /** Non-blank text. */
    public Optional<String> text(String key) {
        Node n = node(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Scalar s && s.isText() && !s.text().isBlank()) {
            return Optional.of(s.text());
        }
        wrongType(key, "text", n);
        return Optional.empty();
    }

    public Optional<Boolean> bool(String key) {
        Node n = node(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Scalar s && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
            return Optional.of(s.token() == JsonToken.VALUE_TRUE);
        }
        wrongType(key, "true or false", n);
        return Optional.empty();
    }

    /** A whole number from {@code min} to {@code max}. */
    public Optional<Long> wholeNumber(String key, long min, long max) {
        Node n = node(key);
        if (n == null) {
            return Optional.empty();
        }
        if (!(n instanceof Scalar s) || s.token() != JsonToken.VALUE_NUMBER_INT) {
            wrongType(key, wording.wholeNumber(min, max), n);
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(s.text());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException tooLarge) {
            // out of range, said below
        }
        problems.add(s.at(), wording.outOfRange(wording.subject(where, key), min, max, s));
        return Optional.empty();
    }

    /** Text or a list of texts; numbers count as text (a container called 2048). */
    public List<String> texts(String key) {
        Node n = node(key);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (Node item : n instanceof Sequence l ? l.items() : List.of(n)) {
            if (item instanceof Scalar s && s.isTextOrNumber()) {
                out.add(s.text());
            } else {
                wrongType(key, "text or a list of texts", item);
            }
        }
        return out;
    }

    /** A mapping of text to text (labels). */
    public Map<String, String> textMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Node n = node(key);
        if (n == null) {
            return out;
        }
        if (!(n instanceof Mapping m)) {
            wrongType(key, "a mapping", n);
            return out;
        }
        m.entries().forEach((k, e) -> {
            if (e.value() instanceof Scalar s && s.isTextOrNumber()) {
                out.put(k, s.text());
            } else {
                wrongType(key + "." + k, "text", e.value());
            }
        });
        return out;
    }
}
