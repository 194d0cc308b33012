package dev.dockstat.batch.plan;

import dev.dockstat.core.yaml.Suggestions;
import dev.dockstat.core.yaml.Wording;
import dev.dockstat.core.yaml.YamlTree.Node;
import dev.dockstat.core.yaml.YamlTree.Scalar;
import java.util.Collection;

/** A plan's words: {@code job 'web'.stats.interval must be WHAT, got KIND}, quoting short texts it found. */
final class PlanWording implements Wording {

    static final Wording INSTANCE = new PlanWording();

    private PlanWording() {}

    @Override
    public String describe(Node found) {
        if (found instanceof Scalar s && s.isNull()) {
            return "nothing (null)";
        }
        if (found instanceof Scalar s && s.isText()) {
            return "text '" + (s.text().length() > 30 ? s.text().substring(0, 30) + "...'" : s.text() + "'");
        }
        return found.kind();
    }

    @Override
    public String subject(String where, String key) {
        return where.equals(PlanReader.TOP_LEVEL) ? key : where + "." + key;
    }

    @Override
    public String wrongType(String subject, String expected, String found) {
        return subject + " must be " + expected + ", got " + found;
    }

    @Override
    public String unknownKey(String where, String key, Collection<String> allowed) {
        return "unknown key '" + key + "' in " + where + Suggestions.didYouMean(key, allowed)
                + "; expected one of: " + String.join(", ", allowed.stream().sorted().toList());
    }

    @Override
    public String wholeNumber(long min, long max) {
        return "a whole number";
    }

    @Override
    public String outOfRange(String subject, long min, long max, Scalar found) {
        return subject + " must be at least " + min + ", got " + found.text();
    }
}
