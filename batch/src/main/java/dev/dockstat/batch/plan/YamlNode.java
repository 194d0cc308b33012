package dev.dockstat.batch.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node was written, so every problem found in
 * a plan can be reported as {@code FILE:LINE:COL}. (Jackson's own trees drop locations.)
 */
sealed interface YamlNode {

    /** Line and column, both from 1. */
    record Location(int line, int column) {}

    Location location();

    /** What kind of value this is, for "expected X, got Y" messages. */
    String kind();

    /** A mapping; {@code keys} keeps where each key was written. */
    record MapNode(Location location, Map<String, YamlNode> values, Map<String, Location> keys) implements YamlNode {
        MapNode(Location location) {
            this(location, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(Location location, List<YamlNode> items) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@code value} is a String, Long, Double, Boolean, or null.
     */
    record ScalarNode(Location location, Object value) implements YamlNode {
        @Override
        public String kind() {
            if (value == null) {
                return "nothing (null)";
            }
            return switch (value) {
                case String s -> "text '" + (s.length() > 30 ? s.substring(0, 30) + "...'" : s + "'");
                case Boolean b -> "a boolean";
                case Long l -> "a number";
                case Double d -> "a number";
                default -> "a value";
            };
        }
    }
}
