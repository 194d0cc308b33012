package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.GoValues.GoMap;
import dev.dockstat.cli.render.template.GoValues.Int64;
import dev.dockstat.cli.render.template.GoValues.Member;
import dev.dockstat.cli.render.template.GoValues.Slice;
import dev.dockstat.cli.render.template.GoValues.Struct;
import java.math.BigDecimal;

/**
 * Go's encoding/json for template values, as docker's {@code json} function calls it: an encoder
 * that does not escape HTML (types with their own MarshalJSON bring their own escaping), struct
 * fields by JSON name with omitempty, map keys sorted.
 */
public final class GoJson {

    private GoJson() {}

    public static String encode(Object v, boolean escapeHtml) {
        StringBuilder out = new StringBuilder();
        write(out, v, escapeHtml);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v, boolean html) {
        if (v == null || v == GoValues.NO_VALUE) {
            out.append("null");
        } else if (GoValues.text(v) != null) {
            out.append(quote(GoValues.text(v), html));
        } else if (v instanceof Long || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Int64 i) {
            out.append(i.value());
        } else if (v instanceof Double d) {
            out.append(number(d));
        } else if (v instanceof Slice s) {
            out.append('[');
            for (int i = 0; i < s.items().size(); i++) {
                out.append(i > 0 ? "," : "");
                write(out, s.items().get(i), html);
            }
            out.append(']');
        } else if (v instanceof GoMap m) {
            if (m.entries() == null) {
                out.append("null");
                return;
            }
            out.append('{');
            boolean first = true;
            for (var e : m.entries().entrySet()) {
                out.append(first ? "" : ",").append(quote(e.getKey(), html)).append(':');
                write(out, e.getValue(), html);
                first = false;
            }
            out.append('}');
        } else if (v instanceof Struct s) {
            if (s.json() != null) {
                out.append(s.json().apply(s));
                return;
            }
            out.append('{');
            boolean first = true;
            for (Member m : s.members()) {
                if (m.method() || m.omitEmpty() && !GoValues.truth(m.value()) && !(m.value() instanceof Struct)) {
                    continue;
                }
                out.append(first ? "" : ",").append(quote(m.jsonName(), html)).append(':');
                write(out, m.value(), html);
                first = false;
            }
            out.append('}');
        } else {
            out.append(quote(String.valueOf(v), html));
        }
    }

    /** encoding/json's float: plain digits, exponent form below 1e-6 or from 1e21. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + GoFormat.print(d));
        }
        double a = Math.abs(d);
        if (a != 0 && (a < 1e-6 || a >= 1e21)) {
            BigDecimal b = new BigDecimal(Double.toString(a)).stripTrailingZeros();
            String digits = b.unscaledValue().toString();
            int exp = digits.length() - b.scale() - 1;
            String m = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "");
            return (d < 0 ? "-" : "") + m + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
        }
        String plain = new BigDecimal(Double.toString(a)).stripTrailingZeros().toPlainString();
        return (d < 0 ? "-" : "") + plain;
    }

    /** A JSON string as Go's encoding/json writes it by default (HTML-safe: {@code <}, {@code >}, {@code &} escaped). */
    public static String quote(String s) {
        return quote(s, true);
    }

    static String quote(String s, boolean html) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (html && (c == '<' || c == '>' || c == '&')) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
