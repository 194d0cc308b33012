package dev.dockstat.core.yaml;

import dev.dockstat.core.yaml.YamlTree.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every mistake found in one file, each at its place, so a user sees them all at once: one line
 * each, {@code FILE:LINE:COL: message}. Checks record here and go on instead of stopping.
 */
public final class Problems {

    private record Problem(Position at, String message) {
        String line() {
            return at + ": " + message;
        }
    }

    private final List<Problem> found = new ArrayList<>();

    public void add(Position at, String message) {
        found.add(new Problem(at, oneLine(message)));
    }

    /** Messages may quote the file's text, which may hold line breaks and control characters: one line each, always. */
    private static String oneLine(String message) {
        StringBuilder b = new StringBuilder(message.length());
        for (char c : message.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    /** One line per problem, in file order. */
    public List<String> lines() {
        return found.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()))
                .map(Problem::line)
                .toList();
    }

    /**
     * One line per problem, in the order the checks found them: a mapping's keys before what the
     * mapping lacks, so "unknown key 'hots' (did you mean 'host'?)" comes before "has no host".
     */
    public List<String> linesAsFound() {
        return found.stream().map(Problem::line).toList();
    }
}
