package dev.dockstat.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The "did you mean" of a mistyped command or option, the way docker's CLI library picks them: a
 * name within two edits of what was typed, or one that starts with it. picocli's own suggestions
 * for options only match the first two letters, so {@code --no-strem} would offer every {@code --no-*}.
 */
final class DidYouMean {

    private static final int MAX_EDITS = 2;
    private static final int MAX_SUGGESTIONS = 2;

    private DidYouMean() {}

    /** The names to suggest for the first unmatched argument, nearest first; empty when none is close. */
    static List<String> suggestions(CommandLine.UnmatchedArgumentException e) {
        List<String> unmatched = e.getUnmatched();
        if (unmatched.isEmpty() || unmatched.getFirst() == null) {
            return List.of();
        }
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String typed = unmatched.getFirst();
        List<String> candidates = new ArrayList<>();
        if (e.isUnknownOption()) {
            if (!typed.startsWith("--")) {
                return List.of(); // one letter says too little to guess from
            }
            int equals = typed.indexOf('=');
            typed = equals < 0 ? typed : typed.substring(0, equals);
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    for (String name : option.names()) {
                        if (name.startsWith("--")) {
                            candidates.add(name);
                        }
                    }
                }
            }
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    candidates.add(name);
                }
            });
        }
        return nearest(typed, candidates);
    }

    static List<String> nearest(String typed, List<String> candidates) {
        int dashes = 0;
        while (dashes < typed.length() && typed.charAt(dashes) == '-') {
            dashes++;
        }
        String bare = typed.substring(dashes);
        int maxEdits = Math.max(1, Math.min(MAX_EDITS, bare.length() / 2)); // "x" is not a typo of "df"
        List<String> close = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (String name : candidates) {
            int edits = edits(typed, name);
            boolean prefix = bare.length() >= 2 && name.startsWith(typed);
            if ((edits <= maxEdits || prefix) && !close.contains(name)) {
                int at = 0; // nearest first; equally near in the order given
                while (at < close.size() && distances.get(at) <= edits) {
                    at++;
                }
                close.add(at, name);
                distances.add(at, edits);
            }
        }
        return close.subList(0, Math.min(MAX_SUGGESTIONS, close.size()));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
