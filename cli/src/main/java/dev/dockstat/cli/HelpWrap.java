package dev.dockstat.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Help wrapped at spaces only. picocli wraps with the JDK's line break rules, which break after
 * '/', ':', '.' and '[', so {@code ~/.config/dockstat} or {@code tcp://host:port} could end one
 * line and start the next; dockstat has picocli lay help out unwrapped and wraps each line here.
 * A continuation lines up under the text it continues: a list row's description column, a
 * paragraph's indentation.
 */
final class HelpWrap {

    /** Wide enough that picocli wraps nothing dockstat prints. */
    static final int UNWRAPPED = 1000;
    /** picocli indents a wrapped description this much further than its first line. */
    private static final int CONTINUATION = 2;

    private HelpWrap() {}

    /** Has every command of {@code root} print help {@code width} columns wide, in the docker form {@code dockstat stats [OPTIONS] [CONTAINER...]}. */
    static void apply(CommandLine root, int width) {
        root.setUsageHelpWidth(UNWRAPPED);
        apply(root, width, root);
    }

    private static void apply(CommandLine root, int width, CommandLine command) {
        command.getCommandSpec().usageMessage().abbreviateSynopsis(true);
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(command.getHelpSectionMap());
        sections.replaceAll((key, renderer) -> help -> wrap(renderer.render(help), width));
        command.setHelpSectionMap(sections);
        command.getSubcommands().values().forEach(sub -> apply(root, width, sub));
    }

    /** Each line of {@code text} (one section of help) longer than {@code width} broken at spaces. */
    static String wrap(String text, int width) {
        int column = secondColumn(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            // picocli pads the rows of a table to its (unwrapped) width; a heading such as "Usage: " keeps its space
            wrapLine(end < 0 ? line : line.stripTrailing(), width, column, out);
            if (end < 0) {
                break;
            }
            out.append('\n');
            start = end + 1;
        }
        return out.toString();
    }

    private static void wrapLine(String line, int width, int column, StringBuilder out) {
        if (visible(line) <= width) {
            out.append(line);
            return;
        }
        String indent = " ".repeat(Math.min(continuationIndent(line, column), width / 2));
        List<String[]> words = words(line); // {separator before, word}
        StringBuilder current = new StringBuilder(words.getFirst()[0]).append(words.getFirst()[1]);
        int columns = visible(current);
        for (String[] w : words.subList(1, words.size())) {
            int word = visible(w[1]);
            if (columns + w[0].length() + word <= width) {
                current.append(w[0]).append(w[1]);
                columns += w[0].length() + word;
            } else {
                out.append(current).append('\n');
                current = new StringBuilder(indent).append(w[1]); // a word wider than the line stays whole
                columns = indent.length() + word;
            }
        }
        out.append(current);
    }

    /**
     * Where the text of an indented row continues: the section's second column, a bit further (as
     * picocli indents), also for a row whose first column overflowed into it; else the line's own
     * indentation.
     */
    static int continuationIndent(String line, int column) {
        int leading = leadingSpaces(plain(line));
        return leading > 0 && column > leading ? column + CONTINUATION : leading;
    }

    /** The column where most indented rows of a section start their second column (after a gap of two spaces or more); 0 for none. */
    static int secondColumn(String section) {
        Map<Integer, Integer> starts = new java.util.HashMap<>();
        for (String line : section.split("\n")) {
            String plain = plain(line);
            int leading = leadingSpaces(plain);
            int gap = leading == 0 ? -1 : plain.indexOf("  ", leading);
            if (gap > 0) {
                int start = gap + leadingSpaces(plain.substring(gap));
                if (start < plain.length()) {
                    starts.merge(start, 1, Integer::sum);
                }
            }
        }
        int column = 0;
        int rows = 0;
        for (Map.Entry<Integer, Integer> e : starts.entrySet()) {
            if (e.getValue() > rows || e.getValue() == rows && e.getKey() > column) {
                column = e.getKey();
                rows = e.getValue();
            }
        }
        return column;
    }

    private static List<String[]> words(String line) {
        List<String[]> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int wordStart = i;
            while (wordStart < line.length() && line.charAt(wordStart) == ' ') {
                wordStart++;
            }
            int wordEnd = wordStart;
            while (wordEnd < line.length() && line.charAt(wordEnd) != ' ') {
                wordEnd++;
            }
            words.add(new String[] {line.substring(i, wordStart), line.substring(wordStart, wordEnd)});
            i = wordEnd;
        }
        return words;
    }

    /** Columns a line takes on the screen: its colour escapes take none. */
    static int visible(CharSequence text) {
        return plain(text).length();
    }

    /** The text without its colour escapes (ESC [ digits and semicolons m), as the terminal shows it. */
    static String plain(CharSequence text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001B' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == ';')) {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == 'm') {
                    i = j;
                    continue;
                }
            }
            plain.append(c);
        }
        return plain.toString();
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
