package dev.dockstat.core.env;

import com.fasterxml.jackson.core.JsonToken;
import dev.dockstat.core.yaml.Suggestions;
import dev.dockstat.core.yaml.YamlTree.Entry;
import dev.dockstat.core.yaml.YamlTree.Mapping;
import dev.dockstat.core.yaml.YamlTree.Node;
import dev.dockstat.core.yaml.YamlTree.Position;
import dev.dockstat.core.yaml.YamlTree.Scalar;
import java.util.List;
import java.util.Map;

/**
 * The checks of the environments file's values: each returns the typed value or throws an
 * {@link EnvironmentException} at the value's place ({@code FILE:LINE:COL: message}), and none
 * quotes what it found (it could be a secret written by mistake).
 */
final class YamlFields {

    private YamlFields() {}

    static void checkKeys(Mapping mapping, List<String> allowed) throws EnvironmentException {
        for (Entry e : mapping.entries().values()) {
            if (!allowed.contains(e.key())) {
                throw fail(e.keyAt(), "unknown key '" + e.key() + "'" + Suggestions.hint(e.key(), allowed));
            }
        }
    }

    static Mapping mapping(Node node, String what) throws EnvironmentException {
        if (node instanceof Mapping m) {
            return m;
        }
        if (node instanceof Scalar s && s.token() == JsonToken.VALUE_NULL) {
            return new Mapping(Map.of(), s.at());
        }
        throw fail(node.at(), what + ": expected a mapping, found " + node.kind());
    }

    static String text(Entry entry) throws EnvironmentException {
        if (entry.value() instanceof Scalar s && s.token() == JsonToken.VALUE_STRING && !s.text().isBlank()) {
            return s.text().strip();
        }
        throw fail(entry.value().at(), entry.key() + ": expected text, found " + kindOf(entry.value()));
    }

    static boolean bool(Entry entry) throws EnvironmentException {
        if (entry.value() instanceof Scalar s && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
            return s.token() == JsonToken.VALUE_TRUE;
        }
        throw fail(entry.value().at(), entry.key() + ": expected true or false, found " + kindOf(entry.value()));
    }

    static int positiveInt(Entry entry, int max) throws EnvironmentException {
        if (entry.value() instanceof Scalar s && s.token() == JsonToken.VALUE_NUMBER_INT) {
            try {
                int n = Integer.parseInt(s.text());
                if (n >= 1 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        throw fail(entry.value().at(), entry.key() + ": expected a whole number from 1 to " + max
                + ", found " + kindOf(entry.value()));
    }

    /** Says what was found without quoting it: the value could be a secret written by mistake. */
    static String kindOf(Node node) {
        return node instanceof Scalar s && s.token() == JsonToken.VALUE_STRING && s.text().isBlank() ? "empty text" : node.kind();
    }

    /** A mistake at a place in the file: {@code FILE:LINE:COL: message}. */
    static EnvironmentException fail(Position at, String message) {
        return new EnvironmentException(at + ": " + message);
    }
}
