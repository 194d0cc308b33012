package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.Node.NumberNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;

/** Go's constants in templates: numbers (int, float, character) and quoted strings. */
final class Numbers {

    private Numbers() {}

    static NumberNode parse(Token t, Function<String, TemplateException> error) {
        String text = t.text();
        if (t.kind() == Token.Kind.CHAR_CONSTANT) {
            String body = unquoteChars(text.substring(1, text.length() - 1), '\'');
            if (body == null || body.codePointCount(0, body.length()) != 1) {
                throw error.apply("malformed character constant: " + text);
            }
            int c = body.codePointAt(0);
            return new NumberNode(t.pos(), text, true, c, true, c);
        }
        if (text.endsWith("i")) {
            throw error.apply("complex numbers are not supported: " + text);
        }
        String clean = text.replace("_", "");
        boolean negative = clean.startsWith("-");
        String unsigned = clean.startsWith("-") || clean.startsWith("+") ? clean.substring(1) : clean;
        BigInteger integer = null;
        try {
            String lower = unsigned.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x") && !lower.contains("p")) {
                integer = new BigInteger(lower.substring(2), 16);
            } else if (lower.startsWith("0o")) {
                integer = new BigInteger(lower.substring(2), 8);
            } else if (lower.startsWith("0b")) {
                integer = new BigInteger(lower.substring(2), 2);
            } else if (lower.matches("0[0-7]+")) {
                integer = new BigInteger(lower, 8);
            } else if (lower.matches("[0-9]+")) {
                integer = new BigInteger(lower);
            }
        } catch (NumberFormatException e) {
            integer = null;
        }
        if (integer != null) {
            if (negative) {
                integer = integer.negate();
            }
            boolean fitsInt = integer.bitLength() < 64;
            if (!fitsInt) {
                if (!negative && integer.bitLength() <= 64) {
                    throw error.apply(text + " overflows int");
                }
                throw error.apply("illegal number syntax: " + GoFormat.quote(text));
            }
            return new NumberNode(t.pos(), text, true, integer.longValue(), true, integer.doubleValue());
        }
        double f;
        try {
            String lower = unsigned.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x")) {
                f = Double.parseDouble(lower.contains("p") ? lower : lower + "p0");
            } else if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
                f = new BigDecimal(lower).doubleValue();
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw error.apply("illegal number syntax: " + GoFormat.quote(text));
        }
        if (negative) {
            f = -f;
        }
        if (Double.isInfinite(f)) {
            throw error.apply("illegal number syntax: " + GoFormat.quote(text));
        }
        boolean isInt = f == Math.rint(f) && Math.abs(f) < 9.2e18;
        return new NumberNode(t.pos(), text, isInt, isInt ? (long) f : 0, true, f);
    }

    /** A Go double-quoted string literal's value, or null when malformed. */
    static String unquote(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
            return null;
        }
        return unquoteChars(quoted.substring(1, quoted.length() - 1), '"');
    }

    private static String unquoteChars(String s, char quote) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\n') {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return null;
            }
            char e = s.charAt(i);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case '\'', '"' -> {
                    if (e != quote) {
                        return null;
                    }
                    out.append(e);
                }
                case 'x', 'u', 'U' -> {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n >= s.length() + 0 && i + n > s.length() - 1 + 1) {
                        return null;
                    }
                    if (i + 1 + n > s.length()) {
                        return null;
                    }
                    String hex = s.substring(i + 1, i + 1 + n);
                    if (!hex.matches("[0-9a-fA-F]+")) {
                        return null;
                    }
                    int v = (int) Long.parseLong(hex, 16);
                    if (e == 'x') {
                        // a byte; Go strings are bytes, so only ASCII is faithful here
                        out.append((char) v);
                    } else {
                        if (!Character.isValidCodePoint(v) || (v >= 0xd800 && v < 0xe000)) {
                            return null;
                        }
                        out.appendCodePoint(v);
                    }
                    i += n;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 3 > s.length()) {
                        return null;
                    }
                    String oct = s.substring(i, i + 3);
                    if (!oct.matches("[0-7]{3}")) {
                        return null;
                    }
                    int v = Integer.parseInt(oct, 8);
                    if (v > 255) {
                        return null;
                    }
                    out.append((char) v);
                    i += 2;
                }
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
