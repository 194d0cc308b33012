package dev.dockstat.batch.plan;

import static dev.dockstat.batch.plan.Problems.didYouMean;

import dev.dockstat.core.time.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of a plan being validated: typed accessors that record a located problem instead of
 * throwing, so a whole file is checked in one pass. Keys not in {@code allowed} are problems, with a
 * suggestion when one is close.
 */
final class Fields {

    private final YamlNode.MapNode map;
    private final String where;
    private final Problems problems;

    /**
     * @param where what this mapping is, for messages, e.g. {@code job 'web'} or {@code stats}
     */
    Fields(YamlNode.MapNode map, String where, Problems problems, Set<String> allowed) {
        this.map = map;
        this.where = where;
        this.problems = problems;
        for (var e : map.keys().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(e.getValue(), "unknown key '" + e.getKey() + "' in " + where + didYouMean(e.getKey(), allowed)
                        + "; expected one of: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** A mapping node, or null after recording that it is not one. */
    static Fields of(YamlNode node, String where, Problems problems, Set<String> allowed) {
        if (node instanceof YamlNode.MapNode m) {
            return new Fields(m, where, problems, allowed);
        }
        problems.add(node.location(), where + " must be a mapping, got " + node.kind());
        return null;
    }

    YamlNode.Location location() {
        return map.location();
    }

    boolean has(String key) {
        return map.values().containsKey(key);
    }

    YamlNode node(String key) {
        return map.values().get(key);
    }

    YamlNode.Location keyLocation(String key) {
        return map.keys().getOrDefault(key, map.location());
    }

    void missing(String key, String why) {
        problems.add(map.location(), where + ": missing '" + key + "'" + (why.isEmpty() ? "" : " (" + why + ")"));
    }

    void problem(YamlNode.Location at, String message) {
        problems.add(at, message);
    }

    Optional<String> string(String key, boolean required) {
        YamlNode n = node(key);
        if (n == null) {
            if (required) {
                missing(key, "");
            }
            return Optional.empty();
        }
        if (n instanceof YamlNode.ScalarNode s && s.value() instanceof String text && !text.isBlank()) {
            return Optional.of(text);
        }
        problems.add(n.location(), where + "." + key + " must be text, got " + n.kind());
        return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof YamlNode.ScalarNode s && s.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        problems.add(n.location(), where + "." + key + " must be true or false, got " + n.kind());
        return Optional.empty();
    }

    Optional<Integer> positiveInt(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof YamlNode.ScalarNode s && s.value() instanceof Long l) {
            if (l >= 1 && l <= Integer.MAX_VALUE) {
                return Optional.of(l.intValue());
            }
            problems.add(n.location(), where + "." + key + " must be at least 1, got " + l);
            return Optional.empty();
        }
        problems.add(n.location(), where + "." + key + " must be a whole number, got " + n.kind());
        return Optional.empty();
    }

    /** A positive duration such as {@code 2s} or {@code 1m30s}. */
    Optional<Duration> duration(String key, boolean required) {
        YamlNode n = node(key);
        if (n == null) {
            if (required) {
                missing(key, "a duration such as 30s or 5m");
            }
            return Optional.empty();
        }
        if (!(n instanceof YamlNode.ScalarNode s) || !(s.value() instanceof String text)) {
            problems.add(n.location(), where + "." + key + " must be a duration such as 2s or 1m, got " + n.kind());
            return Optional.empty();
        }
        try {
            Duration d = GoDuration.parse(text);
            if (d.isZero() || d.isNegative()) {
                problems.add(n.location(), where + "." + key + " must be more than 0, got " + text);
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (IllegalArgumentException e) {
            problems.add(n.location(), where + "." + key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Text or a list of texts. */
    List<String> strings(String key) {
        YamlNode n = node(key);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        List<YamlNode> items = n instanceof YamlNode.ListNode l ? l.items() : List.of(n);
        for (YamlNode item : items) {
            if (item instanceof YamlNode.ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
                out.add(String.valueOf(s.value()));
            } else {
                problems.add(item.location(), where + "." + key + " must be text or a list of texts, got " + item.kind());
            }
        }
        return out;
    }

    /** A mapping of text to text (labels). */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        YamlNode n = node(key);
        if (n == null) {
            return out;
        }
        if (!(n instanceof YamlNode.MapNode m)) {
            problems.add(n.location(), where + "." + key + " must be a mapping, got " + n.kind());
            return out;
        }
        m.values().forEach((k, v) -> {
            if (v instanceof YamlNode.ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
                out.put(k, String.valueOf(s.value()));
            } else {
                problems.add(v.location(), where + "." + key + "." + k + " must be text, got " + v.kind());
            }
        });
        return out;
    }
}
