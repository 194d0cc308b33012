package dev.dockstat.core.yaml;

import dev.dockstat.core.yaml.YamlTree.Node;
import dev.dockstat.core.yaml.YamlTree.Scalar;
import java.util.Collection;

/**
 * How one file's messages are worded: {@link Fields} finds the mistakes, the file's reader says
 * them in its own words (the environments file never quotes a value, which could be a secret; a
 * plan quotes what it found).
 */
public interface Wording {

    /** What was found, for "expected X, found Y". */
    String describe(Node found);

    /** How a key inside a mapping is named in messages, e.g. {@code job 'web'.stats.interval} or {@code interval}. */
    String subject(String where, String key);

    /** {@code subject} is not {@code expected}. */
    String wrongType(String subject, String expected, String found);

    /** A key the mapping does not know. */
    String unknownKey(String where, String key, Collection<String> allowed);

    /** The type a whole number from {@code min} to {@code max} is called by. */
    String wholeNumber(long min, long max);

    /** A whole number outside {@code min..max}. */
    String outOfRange(String subject, long min, long max, Scalar found);
}
