package dev.dockstat.batch.plan;

import dev.dockstat.core.yaml.YamlSyntaxException;
import dev.dockstat.core.yaml.YamlTree;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plan with core's located YAML reader and turns its nodes into {@link YamlNode}s, whose
 * scalars carry typed values for the plan's checks. A syntax error becomes one problem.
 */
final class YamlTreeReader {

    private YamlTreeReader() {}

    /** The document's root, or null when the text is not YAML (the problem is recorded). */
    static YamlNode read(Path file, Reader text, Problems problems) {
        try {
            String content = readAll(text);
            if (content.isBlank()) {
                problems.add(new YamlNode.Location(1, 1), "the file is empty");
                return null;
            }
            return convert(YamlTree.parse(file, content));
        } catch (YamlSyntaxException e) {
            String hint = e.problem().contains("flow") || e.problem().contains("'}'")
                    ? " (inside { } quote values that contain braces, e.g. path: \"out/{env}.csv\")" : "";
            problems.add(location(e.at()), e.problem() + hint);
            return null;
        } catch (IOException e) {
            problems.add(new YamlNode.Location(1, 1), "cannot read: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private static String readAll(Reader in) throws IOException {
        StringWriter out = new StringWriter();
        in.transferTo(out);
        return out.toString();
    }

    private static YamlNode convert(YamlTree.Node node) {
        return switch (node) {
            case YamlTree.Mapping m -> {
                YamlNode.MapNode map = new YamlNode.MapNode(location(m.at()));
                m.entries().forEach((key, entry) -> {
                    map.values().put(key, convert(entry.value()));
                    map.keys().put(key, location(entry.keyAt()));
                });
                yield map;
            }
            case YamlTree.Sequence s -> {
                List<YamlNode> items = new ArrayList<>();
                s.items().forEach(i -> items.add(convert(i)));
                yield new YamlNode.ListNode(location(s.at()), items);
            }
            case YamlTree.Scalar s -> new YamlNode.ScalarNode(location(s.at()), value(s));
        };
    }

    private static Object value(YamlTree.Scalar s) {
        return switch (s.token()) {
            case VALUE_STRING -> s.text();
            case VALUE_NUMBER_INT -> parseLong(s.text());
            case VALUE_NUMBER_FLOAT -> Double.parseDouble(s.text());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Object parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException huge) {
            return Double.parseDouble(text);
        }
    }

    private static YamlNode.Location location(YamlTree.Position at) {
        return new YamlNode.Location(Math.max(1, at.line()), Math.max(1, at.column()));
    }
}
