package dev.dockstat.core.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for a misspelt key or name: the closest candidate within a few edits. */
public final class Suggestions {

    private Suggestions() {}

    /** The closest candidate within a few edits, or one the word spells out ({enviroment} for {env}). */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int allowed = Math.max(1, word.length() / 3);
        String lower = word.toLowerCase(Locale.ROOT);
        Optional<String> near = candidates.stream()
                .filter(c -> distance(lower, c.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt(c -> distance(word, c)));
        return near.or(() -> candidates.stream()
                .filter(c -> c.length() >= 3 && lower.startsWith(c.toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt(String::length)));
    }

    /** {@code " (did you mean 'x'?)"}, or {@code " (expected one of: a, b)"} when nothing is close. */
    public static String hint(String word, Collection<String> candidates) {
        String near = didYouMean(word, candidates);
        return near.isEmpty() ? " (expected one of: " + String.join(", ", candidates) + ")" : near;
    }

    /** {@code " (did you mean 'x'?)"}, or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Edits between two words, a swap of neighbours counting as one (optimal string alignment). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
