package dev.dockstat.batch.plan;

import dev.dockstat.core.yaml.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Everything wrong with a plan, each located; reported all at once, in file order. */
public final class Problems {

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    record Problem(YamlNode.Location at, String message) {}

    Problems(String file) {
        this.file = file;
    }

    /** {@code " (did you mean 'interval'?)"}, or "" when no known word is close. */
    static String didYouMean(String typed, Collection<String> known) {
        return Suggestions.closest(typed, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    void add(YamlNode.Location at, String message) {
        problems.add(new Problem(at, oneLine(message)));
    }

    /** Messages quote the plan's text, which may hold line breaks and control characters: one line each, always. */
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
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    /** {@code PLAN.yaml:LINE:COL: message}, one per problem, in file order. */
    public List<String> lines() {
        return problems.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()))
                .map(p -> file + ":" + p.at().line() + ":" + p.at().column() + ": " + p.message())
                .toList();
    }
}
