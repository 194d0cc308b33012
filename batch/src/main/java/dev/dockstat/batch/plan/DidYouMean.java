package dev.dockstat.batch.plan;

import java.util.Collection;

/** Suggests the known word closest to a mistyped one (edit distance at most 2, or a case slip). */
final class DidYouMean {

    private DidYouMean() {}

    /** {@code " (did you mean 'interval'?)"}, or "" when nothing is close. */
    static String suggest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(typed) ? 0 : distance(typed.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int limit = typed.length() <= 4 ? 1 : 2;
        if (best != null && bestDistance <= limit) {
            return " (did you mean '" + best + "'?)";
        }
        for (String k : known) { // a word written out in full: {enviroment} for {env}
            if (k.length() >= 3 && typed.toLowerCase().startsWith(k.toLowerCase())) {
                return " (did you mean '" + k + "'?)";
            }
        }
        return "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
