package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a template into tokens as Go's text/template lexer does: text, {@code {{ }}} actions
 * with their trim markers ({@code {{- } and { -}}} eat the white space beside them), comments, and
 * the words inside actions. A lexical error is the last token, of kind ERROR.
 */
final class Lexer {

    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(Map.entry("block", Kind.BLOCK),
            Map.entry("break", Kind.BREAK), Map.entry("continue", Kind.CONTINUE), Map.entry("define", Kind.DEFINE),
            Map.entry("else", Kind.ELSE), Map.entry("end", Kind.END), Map.entry("if", Kind.IF), Map.entry("nil", Kind.NIL),
            Map.entry("range", Kind.RANGE), Map.entry("template", Kind.TEMPLATE), Map.entry("with", Kind.WITH));

    private final String in;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int start;
    private int parenDepth;

    private Lexer(String in) {
        this.in = in;
    }

    static List<Token> lex(String input) {
        Lexer l = new Lexer(input);
        l.run();
        return l.tokens;
    }

    private void run() {
        while (true) {
            if (!lexText()) {
                return;
            }
            if (!lexAction()) {
                return;
            }
        }
    }

    private void emit(Kind kind) {
        tokens.add(new Token(kind, start, in.substring(start, pos), lineAt(start)));
        start = pos;
    }

    private void ignore() {
        start = pos;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private boolean error(String message) {
        tokens.add(new Token(Kind.ERROR, start, message, lineAt(start)));
        return false;
    }

    private int peek() {
        return pos < in.length() ? in.codePointAt(pos) : -1;
    }

    private int next() {
        if (pos >= in.length()) {
            pos = in.length() + 1;
            return -1;
        }
        int c = in.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    private void backup(int c) {
        if (c == -1) {
            pos = in.length();
            return;
        }
        pos -= Character.charCount(c);
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isAlphaNumeric(int c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
    }

    /** Text up to the next action; false at the end of input. */
    private boolean lexText() {
        int x = in.indexOf(LEFT, pos);
        if (x < 0) {
            pos = in.length();
            if (pos > start) {
                emit(Kind.TEXT);
            }
            tokens.add(new Token(Kind.EOF, pos, "", lineAt(pos)));
            return false;
        }
        pos = x;
        int trimLength = rightTrimLength(in.substring(start, pos));
        boolean trim = hasLeftTrimMarker(x + LEFT.length());
        int textEnd = trim ? pos - trimLength : pos;
        if (textEnd > start) {
            int save = pos;
            pos = textEnd;
            emit(Kind.TEXT);
            pos = save;
        }
        start = pos;
        return true;
    }

    private int lineAt(int p) {
        return 1 + count(in.substring(0, p));
    }

    private static int rightTrimLength(String s) {
        int n = s.length();
        while (n > 0 && isSpace(s.charAt(n - 1))) {
            n--;
        }
        return s.length() - n;
    }

    private static int leftTrimLength(String s) {
        int n = 0;
        while (n < s.length() && isSpace(s.charAt(n))) {
            n++;
        }
        return n;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < in.length() && in.charAt(at) == '-' && isSpace(in.charAt(at + 1));
    }

    /** A right trim marker ({@code " -}}"}) at {@code at}. */
    private boolean atRightTrim(int at) {
        return at + 1 + RIGHT.length() < in.length() + 1 && isSpace(charAt(at)) && charAt(at + 1) == '-'
                && in.startsWith(RIGHT, at + 2);
    }

    private char charAt(int i) {
        return i < in.length() ? in.charAt(i) : 0;
    }

    /** Scans from {@code {{} to the matching {@code }}}; false after an error. */
    private boolean lexAction() {
        boolean trimLeft = hasLeftTrimMarker(pos + LEFT.length());
        pos += LEFT.length();
        if (trimLeft) {
            pos += 2;
        }
        // comment
        int afterMarker = pos;
        if (in.startsWith("/*", pos)) {
            pos = afterMarker;
            start = pos - (trimLeft ? 2 : 0) - LEFT.length();
            int end = in.indexOf("*/", pos + 2);
            if (end < 0) {
                return error("unclosed comment");
            }
            pos = end + 2;
            boolean trimRight = atRightTrim(pos);
            if (trimRight) {
                pos += 2;
            }
            if (!in.startsWith(RIGHT, pos)) {
                return error("comment ends before closing delimiter");
            }
            pos += RIGHT.length();
            emit(Kind.COMMENT);
            if (trimRight) {
                pos += leftTrimLength(in.substring(pos));
                ignore();
            }
            return true;
        }
        start = afterMarker - (trimLeft ? 2 : 0) - LEFT.length();
        tokens.add(new Token(Kind.LEFT_DELIM, start, LEFT, lineAt(start)));
        start = pos;
        parenDepth = 0;
        return insideAction();
    }

    private boolean insideAction() {
        while (true) {
            boolean trim = atRightTrim(pos);
            if (trim || in.startsWith(RIGHT, pos)) {
                if (parenDepth > 0) {
                    return error("unclosed left paren");
                }
                if (trim) {
                    pos += 2; // the space and the dash belong to the delimiter
                    start = pos;
                }
                pos += RIGHT.length();
                emit(Kind.RIGHT_DELIM);
                if (trim) {
                    pos += leftTrimLength(in.substring(pos));
                    ignore();
                }
                return true;
            }
            int c = next();
            if (c == -1) {
                return error("unclosed action");
            } else if (isSpace(c)) {
                backup(c);
                lexSpace();
            } else if (c == '=') {
                emit(Kind.ASSIGN);
            } else if (c == ':') {
                if (next() != '=') {
                    return error("expected :=");
                }
                emit(Kind.DECLARE);
            } else if (c == '|') {
                emit(Kind.PIPE);
            } else if (c == '"') {
                if (!lexQuote()) {
                    return false;
                }
            } else if (c == '`') {
                int end = in.indexOf('`', pos);
                if (end < 0) {
                    return error("unterminated raw quoted string");
                }
                pos = end + 1;
                emit(Kind.RAW_STRING);
            } else if (c == '$') {
                lexWord(Kind.VARIABLE);
                if (!atTerminator()) {
                    return error("bad character " + GoFormat.unicode(peek()));
                }
            } else if (c == '\'') {
                if (!lexChar()) {
                    return false;
                }
            } else if (c == '.') {
                if (pos < in.length() && Character.isDigit(in.charAt(pos))) {
                    backup(c);
                    if (!lexNumber()) {
                        return false;
                    }
                } else {
                    lexWord(Kind.FIELD);
                    if (!atTerminator()) {
                        return error("bad character " + GoFormat.unicode(peek()));
                    }
                }
            } else if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
                backup(c);
                if (!lexNumber()) {
                    return false;
                }
            } else if (isAlphaNumeric(c)) {
                backup(c);
                while (isAlphaNumeric(peek())) {
                    next();
                }
                if (!atTerminator()) {
                    return error("bad character " + GoFormat.unicode(peek()));
                }
                String word = in.substring(start, pos);
                Kind k = KEYWORDS.get(word);
                if (k != null) {
                    emit(k);
                } else if (word.equals("true") || word.equals("false")) {
                    emit(Kind.BOOL);
                } else {
                    emit(Kind.IDENTIFIER);
                }
            } else if (c == '(') {
                emit(Kind.LEFT_PAREN);
                parenDepth++;
            } else if (c == ')') {
                parenDepth--;
                if (parenDepth < 0) {
                    return error("unexpected right paren");
                }
                emit(Kind.RIGHT_PAREN);
            } else if (c <= 0x7f && c >= 0x20 && c != 0x7f) {
                emit(Kind.CHAR);
            } else {
                return error("unrecognized character in action: " + GoFormat.unicode(c));
            }
        }
    }

    private void lexSpace() {
        while (isSpace(peek()) && !atRightTrim(pos)) {
            next();
        }
        if (pos > start) {
            emit(Kind.SPACE);
        }
    }

    /** {@code $name} or {@code .Name}: the sigil then alphanumerics; {@code $} and {@code .} alone. */
    private void lexWord(Kind kind) {
        while (isAlphaNumeric(peek())) {
            next();
        }
        if (kind == Kind.FIELD && pos - start == 1) {
            emit(Kind.DOT);
        } else {
            emit(kind);
        }
    }

    private boolean atTerminator() {
        int c = peek();
        if (c == -1 || isSpace(c)) {
            return true;
        }
        switch (c) {
            case '.', ',', '|', ':', ')', '(' -> {
                return true;
            }
            default -> {
                return in.startsWith(RIGHT, pos);
            }
        }
    }

    private boolean lexQuote() {
        return lexQuoted('"', Kind.STRING, "unterminated quoted string");
    }

    private boolean lexChar() {
        return lexQuoted('\'', Kind.CHAR_CONSTANT, "unterminated character constant");
    }

    /** The rest of a string or character constant: escapes skipped, ended by {@code close} on the same line. */
    private boolean lexQuoted(char close, Kind kind, String unterminated) {
        while (true) {
            int c = next();
            if (c == '\\') {
                c = next();
                if (c != -1 && c != '\n') {
                    continue;
                }
            }
            if (c == -1 || c == '\n') {
                return error(unterminated);
            }
            if (c == close) {
                emit(kind);
                return true;
            }
        }
    }

    private boolean lexNumber() {
        int c = peek();
        if (c == '+' || c == '-') {
            next();
        }
        String digits = "0123456789_";
        if (peek() == '0') {
            next();
            int x = peek();
            if (x == 'x' || x == 'X') {
                next();
                digits = "0123456789abcdefABCDEF_";
            } else if (x == 'o' || x == 'O') {
                next();
                digits = "01234567_";
            } else if (x == 'b' || x == 'B') {
                next();
                digits = "01_";
            }
        }
        accept(digits);
        if (peek() == '.') {
            next();
            accept(digits);
        }
        if (digits.length() == 11 || digits.length() == 23) {
            int e = peek();
            boolean decimalExp = digits.length() == 11 && (e == 'e' || e == 'E');
            boolean hexExp = digits.length() == 23 && (e == 'p' || e == 'P');
            if (decimalExp || hexExp) {
                next();
                if (peek() == '+' || peek() == '-') {
                    next();
                }
                accept("0123456789_");
            }
        }
        if (peek() == 'i') {
            next();
        }
        if (isAlphaNumeric(peek())) {
            next();
            return error("bad number syntax: " + GoFormat.quote(in.substring(start, pos)));
        }
        emit(Kind.NUMBER);
        return true;
    }

    private void accept(String valid) {
        while (peek() != -1 && valid.indexOf(peek()) >= 0) {
            next();
        }
    }
}
