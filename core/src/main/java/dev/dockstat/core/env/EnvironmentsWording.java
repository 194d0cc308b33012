package dev.dockstat.core.env;

import dev.dockstat.core.yaml.Suggestions;
import dev.dockstat.core.yaml.Wording;
import dev.dockstat.core.yaml.YamlTree.Node;
import dev.dockstat.core.yaml.YamlTree.Scalar;
import java.util.Collection;

/**
 * The environments file's words: {@code KEY: expected WHAT, found KIND}, and never a quote of what
 * was found, which could be a secret written by mistake.
 */
final class EnvironmentsWording implements Wording {

    static final Wording INSTANCE = new EnvironmentsWording();

    private EnvironmentsWording() {}

    @Override
    public String describe(Node found) {
        return found instanceof Scalar s && s.isText() && s.text().isBlank() ? "empty text" : found.kind();
    }

    @Override
    public String subject(String where, String key) {
        return key;
    }

    @Override
    public String wrongType(String subject, String expected, String found) {
        return subject + ": expected " + expected + ", found " + found;
    }

    @Override
    public String unknownKey(String where, String key, Collection<String> allowed) {
        return "unknown key '" + key + "'" + Suggestions.hint(key, allowed);
    }

    @Override
    public String wholeNumber(long min, long max) {
        return "a whole number from " + min + " to " + max;
    }

    @Override
    public String outOfRange(String subject, long min, long max, Scalar found) {
        return wrongType(subject, wholeNumber(min, max), describe(found));
    }
}
