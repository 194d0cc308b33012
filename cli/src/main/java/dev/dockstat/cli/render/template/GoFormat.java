package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.GoValues.GoMap;
import dev.dockstat.cli.render.template.GoValues.Int64;
import dev.dockstat.cli.render.template.GoValues.Member;
import dev.dockstat.cli.render.template.GoValues.Slice;
import dev.dockstat.cli.render.template.GoValues.Struct;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt for the values templates carry: {@code Sprint}, {@code Sprintln} and {@code Sprintf}
 * with its verbs, flags, width and precision, and its {@code %!verb(type=value)} marks for a verb
 * that does not fit, a missing or an extra argument.
 */
public final class GoFormat {

    private GoFormat() {}

    /** {@code fmt.Sprint}: a space between operands when neither side is a string. */
    static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            boolean isString = GoValues.text(a) != null;
            if (i > 0 && !isString && GoValues.text(args.get(i - 1)) == null) {
                out.append(' ');
            }
            out.append(print(a));
        }
        return out.toString();
    }

    /** {@code fmt.Sprintln}: spaces between all operands and a newline. */
    static String sprintln(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            out.append(i > 0 ? " " : "").append(print(args.get(i)));
        }
        return out.append('\n').toString();
    }

    /** {@code %v}. */
    static String print(Object v) {
        if (v == null || v == GoValues.NO_VALUE) {
            return "<nil>";
        } else if (GoValues.text(v) != null) {
            return GoValues.text(v);
        } else if (v instanceof Long || v instanceof Boolean) {
            return v.toString();
        } else if (GoValues.integer(v) != null) {
            return Long.toString(GoValues.integer(v));
        } else if (v instanceof Double d) {
            return floatG(d, -1, false);
        } else if (v instanceof Slice s) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < s.items().size(); i++) {
                out.append(i > 0 ? " " : "").append(print(s.items().get(i)));
            }
            return out.append(']').toString();
        } else if (v instanceof GoMap m) {
            StringBuilder out = new StringBuilder("map[");
            if (m.entries() != null) {
                boolean first = true;
                for (Map.Entry<String, Object> e : m.entries().entrySet()) {
                    out.append(first ? "" : " ").append(e.getKey()).append(':').append(print(e.getValue()));
                    first = false;
                }
            }
            return out.append(']').toString();
        } else if (v instanceof Struct s) {
            StringBuilder out = new StringBuilder(s.type().startsWith("*") ? "&{" : "{");
            boolean first = true;
            for (Member m : s.members()) {
                if (m.method()) {
                    continue;
                }
                out.append(first ? "" : " ").append(print(m.value()));
                first = false;
            }
            return out.append('}').toString();
        }
        return String.valueOf(v);
    }

    /** A struct as the template prints it: pointers are followed, so {@code {..}} not {@code &{..}}. */
    static String printTop(Object v) {
        if (v instanceof Struct s && s.type().startsWith("*")) {
            return print(new Struct(s.type().substring(1), s.members()));
        }
        return v == GoValues.NO_VALUE ? "<no value>" : print(v);
    }

    /** Go's {@code strconv.Quote}. */
    public static String quote(String s) {
        return quote(s, false);
    }

    static String quote(String s, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> quoteRune(out, c, '"', asciiOnly));
        return out.append('"').toString();
    }

    private static void quoteRune(StringBuilder out, int c, char quote, boolean asciiOnly) {
        if (c == quote || c == '\\') {
            out.append('\\').appendCodePoint(c);
            return;
        }
        switch (c) {
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 11 -> out.append("\\v");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                } else if (asciiOnly && c > 0x7f || !printable(c)) {
                    if (c >= 0xd800 && c < 0xe000) {
                        out.append("\\ufffd"); // a lone surrogate is not valid text, as Go's RuneError
                    } else if (c > 0xffff) {
                        out.append(String.format("\\U%08x", c));
                    } else {
                        out.append(String.format("\\u%04x", c));
                    }
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }

    private static boolean printable(int c) {
        if (c < 0x80) {
            return c >= 0x20 && c != 0x7f;
        }
        int type = Character.getType(c);
        return Character.isDefined(c) && type != Character.CONTROL && type != Character.FORMAT
                && type != Character.SURROGATE && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && (type != Character.SPACE_SEPARATOR || c == 0x3000);
    }

    /** {@code %#U}-style name of a character, as Go's lexer errors show it: {@code U+0023 '#'}. */
    static String unicode(int c) {
        if (c < 0) {
            return "U+FFFFFFFF";
        }
        String hex = String.format("U+%04X", c);
        return printable(c) ? hex + " '" + new String(Character.toChars(c)) + "'" : hex;
    }

    // ---- Sprintf

    private static final class Spec {
        boolean minus;
        boolean plus;
        boolean sharp;
        boolean space;
        boolean zero;
        int width = -1;
        int precision = -1;
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int argIndex = 0;
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            Spec spec = new Spec();
            flags:
            while (i < n) {
                switch (format.charAt(i)) {
                    case '-' -> {
                        spec.minus = true;
                        spec.zero = false;
                    }
                    case '+' -> spec.plus = true;
                    case '#' -> spec.sharp = true;
                    case ' ' -> spec.space = true;
                    case '0' -> spec.zero = !spec.minus;
                    default -> {
                        break flags;
                    }
                }
                i++;
            }
            boolean badWidth = false;
            if (i < n && format.charAt(i) == '*') {
                i++;
                Long w = argIndex < args.size() ? GoValues.integer(args.get(argIndex)) : null;
                argIndex++;
                if (w == null || Math.abs(w) > 1_000_000) {
                    badWidth = true;
                } else {
                    spec.width = (int) Math.abs(w);
                    if (w < 0) {
                        spec.minus = true;
                        spec.zero = false;
                    }
                }
            } else {
                int start = i;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    spec.width = Integer.parseInt(format.substring(start, Math.min(i, start + 7)));
                }
            }
            boolean badPrec = false;
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    i++;
                    Long p = argIndex < args.size() ? GoValues.integer(args.get(argIndex)) : null;
                    argIndex++;
                    if (p == null || p < 0 || p > 1_000_000) {
                        badPrec = true;
                    } else {
                        spec.precision = (int) (long) p;
                    }
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    spec.precision = i > start ? Integer.parseInt(format.substring(start, Math.min(i, start + 7))) : 0;
                }
            }
            if (badWidth) {
                out.append("%!(BADWIDTH)");
            }
            if (badPrec) {
                out.append("%!(BADPREC)");
            }
            if (i >= n) {
                out.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (argIndex >= args.size()) {
                out.append("%!").appendCodePoint(verb).append("(MISSING)");
                continue;
            }
            out.append(formatOne(args.get(argIndex++), verb, spec));
        }
        if (argIndex < args.size()) {
            out.append("%!(EXTRA ");
            for (int a = argIndex; a < args.size(); a++) {
                Object v = args.get(a);
                out.append(a > argIndex ? ", " : "").append(GoValues.typeName(v)).append('=').append(print(v));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String bad(int verb, Object v) {
        return bad(verb, v, new Spec());
    }

    /** Go's mark for a verb that does not fit: the value in %v with the verb's flags, width and precision. */
    private static String bad(int verb, Object v, Spec spec) {
        StringBuilder s = new StringBuilder("%!").appendCodePoint(verb).append('(');
        if (v == null || v == GoValues.NO_VALUE) {
            return s.append("<nil>)").toString();
        }
        return s.append(GoValues.typeName(v)).append('=').append(formatOne(v, 'v', spec)).append(')').toString();
    }

    private static String formatOne(Object v, int verb, Spec spec) {
        if (verb == 'T') {
            return pad(GoValues.typeName(v), spec);
        }
        if (v == null || v == GoValues.NO_VALUE) {
            return verb == 'v' ? pad("<nil>", spec) : bad(verb, v);
        }
        if (v instanceof Boolean b) {
            return verb == 't' || verb == 'v' ? pad(b.toString(), spec) : bad(verb, v, spec);
        }
        Long integer = GoValues.integer(v);
        if (integer != null) {
            return formatInt(integer, verb, spec, v);
        }
        if (v instanceof Double d) {
            return formatFloat(d, verb, spec, v);
        }
        if (GoValues.text(v) != null) {
            return formatString(GoValues.text(v), verb, spec, v);
        }
        if (v instanceof Slice s) {
            if (verb == 'v' && spec.sharp) {
                StringBuilder out = new StringBuilder(s.type()).append('{');
                for (int k = 0; k < s.items().size(); k++) {
                    out.append(k > 0 ? ", " : "").append(formatOne(s.items().get(k), 'v', spec));
                }
                return out.append('}').toString();
            }
            StringBuilder out = new StringBuilder("[");
            for (int k = 0; k < s.items().size(); k++) {
                out.append(k > 0 ? " " : "").append(formatOne(s.items().get(k), verb, spec));
            }
            return out.append(']').toString();
        }
        if (v instanceof GoMap m) {
            if (verb == 'v' && spec.sharp) {
                StringBuilder out = new StringBuilder(m.type()).append('{');
                if (m.entries() != null) {
                    boolean first = true;
                    for (var e : m.entries().entrySet()) {
                        out.append(first ? "" : ", ").append(quote(e.getKey())).append(':')
                                .append(formatOne(e.getValue(), 'v', spec));
                        first = false;
                    }
                }
                return out.append('}').toString();
            }
            StringBuilder out = new StringBuilder("map[");
            if (m.entries() != null) {
                boolean first = true;
                for (var e : m.entries().entrySet()) {
                    out.append(first ? "" : " ").append(formatOne(e.getKey(), verb, spec)).append(':')
                            .append(formatOne(e.getValue(), verb, spec));
                    first = false;
                }
            }
            return out.append(']').toString();
        }
        if (v instanceof Struct s) {
            StringBuilder out = new StringBuilder(s.type().startsWith("*") ? "&" : "");
            if (verb == 'v' && spec.sharp) {
                out.append(s.type().replace("*", "")).append('{');
            } else {
                out.append('{');
            }
            boolean first = true;
            for (Member m : s.members()) {
                if (m.method()) {
                    continue;
                }
                out.append(first ? "" : spec.sharp && verb == 'v' ? ", " : " ");
                if (spec.sharp && verb == 'v' || spec.plus && verb == 'v') {
                    out.append(m.name()).append(':');
                }
                out.append(formatOne(m.value(), verb, spec));
                first = false;
            }
            return out.append('}').toString();
        }
        return bad(verb, v, spec);
    }

    private static String formatInt(long value, int verb, Spec spec, Object original) {
        String digits;
        String prefix = "";
        switch (verb) {
            case 'd', 'v' -> digits = unsignedAbs(value, 10);
            case 'b' -> {
                digits = unsignedAbs(value, 2);
                prefix = spec.sharp ? "0b" : "";
            }
            case 'o' -> {
                digits = unsignedAbs(value, 8);
                prefix = spec.sharp ? "0" : "";
            }
            case 'O' -> {
                digits = unsignedAbs(value, 8);
                prefix = "0o";
            }
            case 'x' -> {
                digits = unsignedAbs(value, 16);
                prefix = spec.sharp ? "0x" : "";
            }
            case 'X' -> {
                digits = unsignedAbs(value, 16).toUpperCase(java.util.Locale.ROOT);
                prefix = spec.sharp ? "0X" : "";
            }
            case 'c' -> {
                return pad(runeString(value), spec);
            }
            case 'q' -> {
                StringBuilder q = new StringBuilder("'");
                int c = validRune(value);
                if (c == '\'') {
                    q.append("\\'");
                } else if (c == '"') {
                    q.append('"');
                } else {
                    quoteRune(q, c, '\'', spec.plus);
                }
                return pad(q.append('\'').toString(), spec);
            }
            case 'U' -> {
                String u = String.format("U+%04X", value);
                if (spec.sharp && printable(validRune(value))) {
                    u += " '" + runeString(value) + "'";
                }
                return pad(u, spec);
            }
            case 'e', 'E', 'f', 'F', 'g', 'G', 's', 't' -> {
                return bad(verb, original, spec);
            }
            default -> {
                return bad(verb, original, spec);
            }
        }
        if (spec.precision >= 0) {
            if (spec.precision == 0 && value == 0) {
                digits = "";
            }
            while (digits.length() < spec.precision) {
                digits = "0" + digits;
            }
        }
        String sign = value < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
        String body = prefix + digits;
        if (spec.zero && spec.precision < 0 && spec.width > 0) {
            while (sign.length() + body.length() < spec.width) {
                body = body.startsWith(prefix) && !prefix.isEmpty() ? prefix + "0" + body.substring(prefix.length()) : "0" + body;
            }
            return sign + body;
        }
        return padSpaces(sign + body, spec);
    }

    private static String unsignedAbs(long v, int radix) {
        if (v == Long.MIN_VALUE) {
            return new java.math.BigInteger(Long.toString(v)).negate().toString(radix);
        }
        return Long.toString(Math.abs(v), radix);
    }

    private static int validRune(long v) {
        return v < 0 || v > 0x10ffff || v >= 0xd800 && v < 0xe000 ? 0xfffd : (int) v;
    }

    private static String runeString(long v) {
        return new String(Character.toChars(validRune(v)));
    }

    private static String formatString(String s, int verb, Spec spec, Object original) {
        switch (verb) {
            case 's', 'v' -> {
                String t = s;
                if (spec.precision >= 0 && t.codePointCount(0, t.length()) > spec.precision) {
                    t = t.substring(0, t.offsetByCodePoints(0, spec.precision));
                }
                if (verb == 'v' && spec.sharp) {
                    return pad(quote(t), spec);
                }
                return pad(t, spec);
            }
            case 'q' -> {
                String t = s;
                if (spec.precision >= 0 && t.codePointCount(0, t.length()) > spec.precision) {
                    t = t.substring(0, t.offsetByCodePoints(0, spec.precision));
                }
                if (spec.sharp && t.indexOf('`') < 0 && t.chars().allMatch(c -> c == '\t' || c >= 0x20 && c != 0x7f)) {
                    return pad("`" + t + "`", spec);
                }
                return pad(quote(t, spec.plus), spec);
            }
            case 'x', 'X' -> {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                int limit = spec.precision >= 0 ? Math.min(spec.precision, bytes.length) : bytes.length;
                StringBuilder out = new StringBuilder();
                for (int k = 0; k < limit; k++) {
                    if (k > 0 && spec.space) {
                        out.append(' ');
                    }
                    if (spec.sharp && (k == 0 || spec.space)) {
                        out.append(verb == 'x' ? "0x" : "0X");
                    }
                    String h = String.format("%02x", bytes[k] & 0xff);
                    out.append(verb == 'X' ? h.toUpperCase(java.util.Locale.ROOT) : h);
                }
                return pad(out.toString(), spec);
            }
            default -> {
                return bad(verb, original, spec);
            }
        }
    }

    private static String formatFloat(double d, int verb, Spec spec, Object original) {
        String body;
        switch (verb) {
            case 'v', 'g', 'G' -> body = floatG(Math.abs(d), spec.precision, verb == 'G');
            case 'e', 'E' -> body = floatE(Math.abs(d), spec.precision < 0 ? 6 : spec.precision, verb == 'E');
            case 'f', 'F' -> body = floatF(Math.abs(d), spec.precision < 0 ? 6 : spec.precision);
            case 'x', 'X' -> body = floatHex(Math.abs(d), verb == 'X');
            default -> {
                return bad(verb, original, spec);
            }
        }
        if (Double.isNaN(d)) {
            String s = spec.plus ? "+NaN" : spec.space ? " NaN" : "NaN";
            return padSpaces(s, spec);
        }
        boolean negative = d < 0 || d == 0 && 1 / d < 0;
        String sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
        if (Double.isInfinite(d)) {
            return padSpaces((negative ? "-" : spec.space && !spec.plus ? " " : "+") + "Inf", spec);
        }
        if (spec.zero && spec.width > 0) {
            StringBuilder z = new StringBuilder(body);
            while (sign.length() + z.length() < spec.width) {
                z.insert(0, '0');
            }
            return sign + z;
        }
        return padSpaces(sign + body, spec);
    }

    /** {@code %x} of a non-negative value: shortest hex mantissa, {@code p+01} exponent. */
    static String floatHex(double v, boolean upper) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : "Inf";
        }
        String s;
        if (v == 0) {
            s = "0x0p+00";
        } else {
            double scaled = v < Double.MIN_NORMAL ? v * 0x1p54 : v; // Go writes subnormals normalized too
            int exponent = Math.getExponent(scaled) - (v < Double.MIN_NORMAL ? 54 : 0);
            double m = Math.scalb(scaled, -Math.getExponent(scaled));
            String hex = Double.toHexString(m); // 0x1.cp0
            String mantissa = hex.substring(0, hex.indexOf('p'));
            if (mantissa.endsWith(".0")) {
                mantissa = mantissa.substring(0, mantissa.length() - 2);
            }
            int abs = Math.abs(exponent);
            s = mantissa + "p" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
        }
        return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    /** {@code %.Pe} of a non-negative value. */
    static String floatE(double v, int precision, boolean upper) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : "Inf";
        }
        String mantissa;
        int exponent;
        if (v == 0) {
            mantissa = precision > 0 ? "0." + "0".repeat(precision) : "0";
            exponent = 0;
        } else {
            BigDecimal r = new BigDecimal(v).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            exponent = r.precision() - r.scale() - 1;
            BigDecimal m = r.movePointLeft(exponent).setScale(precision, RoundingMode.HALF_EVEN);
            mantissa = m.toPlainString();
        }
        return mantissa + exponentText(exponent, upper ? 'E' : 'e');
    }

    private static String exponentText(int exponent, char e) {
        int abs = Math.abs(exponent);
        return e + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }

    /** {@code %.Pf} of a non-negative value. */
    static String floatF(double v, int precision) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : "Inf";
        }
        return new BigDecimal(v).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * {@code %g} / {@code %v} of a value (sign kept): shortest digits that read back when the
     * precision is negative, exponent form when the exponent is below -4 or at least the precision
     * (6 for the shortest form).
     */
    static String floatG(double v, int precision, boolean upper) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        String sign = v < 0 || v == 0 && 1 / v < 0 ? "-" : "";
        double a = Math.abs(v);
        String digits;
        int dp; // decimal point position: value = 0.digits * 10^dp
        if (a == 0) {
            digits = "0";
            dp = 1;
        } else {
            BigDecimal b = precision < 0 ? new BigDecimal(Double.toString(a))
                    : new BigDecimal(a).round(new MathContext(precision == 0 ? 1 : precision, RoundingMode.HALF_EVEN));
            b = b.stripTrailingZeros();
            digits = b.unscaledValue().toString();
            dp = digits.length() - b.scale();
        }
        int nd = digits.length();
        int eprec = precision < 0 ? 6 : precision == 0 ? 1 : precision;
        if (precision >= 0 && eprec > nd && nd >= dp) {
            eprec = nd;
        }
        int exp = dp - 1;
        if (exp < -4 || exp >= eprec) {
            String m = digits.substring(0, 1) + (nd > 1 ? "." + digits.substring(1) : "");
            return sign + m + exponentText(exp, upper ? 'E' : 'e');
        }
        String plain;
        if (dp <= 0) {
            plain = "0." + "0".repeat(-dp) + digits;
        } else if (dp >= nd) {
            plain = digits + "0".repeat(dp - nd);
        } else {
            plain = digits.substring(0, dp) + "." + digits.substring(dp);
        }
        return sign + plain;
    }

    /** Width padding: spaces (or zeros with the 0 flag) on the left, spaces on the right with {@code -}. */
    private static String pad(String s, Spec spec) {
        int len = s.codePointCount(0, s.length());
        if (spec.width <= len) {
            return s;
        }
        String fill = (spec.zero ? "0" : " ").repeat(spec.width - len);
        return spec.minus ? s + " ".repeat(spec.width - len) : fill + s;
    }

    private static String padSpaces(String s, Spec spec) {
        int len = s.codePointCount(0, s.length());
        if (spec.width <= len) {
            return s;
        }
        String fill = " ".repeat(spec.width - len);
        return spec.minus ? s + fill : fill + s;
    }
}
