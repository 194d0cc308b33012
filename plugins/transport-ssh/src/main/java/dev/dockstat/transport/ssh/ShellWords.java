package dev.dockstat.transport.ssh;

import dev.dockstat.core.spi.TransportConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell words: splitting the user's ssh options, quoting the remote command ssh hands to a shell. */
final class ShellWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {}

    /** {@code word} as one shell word: unchanged when nothing in it is special, else in single quotes. */
    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Splits as {@code sh} does without expansions: blanks separate words, single quotes keep
     * everything, double quotes keep all but {@code \"} and {@code \\}, a backslash outside quotes
     * escapes the next character.
     */
    static List<String> split(String text, String origin) throws TransportConfigException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new TransportConfigException(origin + ": unterminated ' at character " + (i + 1));
                }
                word.append(text, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < text.length() && text.charAt(j) != '"'; j++) {
                    char d = text.charAt(j);
                    if (d == '\\' && j + 1 < text.length() && (text.charAt(j + 1) == '"' || text.charAt(j + 1) == '\\')) {
                        d = text.charAt(++j);
                    }
                    word.append(d);
                }
                if (j >= text.length()) {
                    throw new TransportConfigException(origin + ": unterminated \" at character " + (i + 1));
                }
                i = j;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
