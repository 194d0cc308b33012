package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.GoValues.Slice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions the docker CLI (28.x) adds to its templates: json, split, join, title, lower,
 * upper, pad, truncate; and the header variants it uses when a {@code table} template is run over
 * the column titles (those keep the title as it is, so {@code {{upper .Name}}} heads its column
 * with {@code NAME}; {@code pad} is not replaced, to keep the columns aligned).
 */
final class DockerFuncs {

    private DockerFuncs() {}

    static Map<String, Func> rows() {
        Map<String, Func> f = new LinkedHashMap<>();
        put(f, Func.of("json", a -> GoJson.encode(a.get(0), false), "any"));
        put(f, Func.of("split", a -> split((String) a.get(0), (String) a.get(1)), "string", "string"));
        put(f, Func.of("join", a -> join((Slice) a.get(0), (String) a.get(1)), "[]string", "string"));
        put(f, Func.of("title", a -> title((String) a.get(0)), "string"));
        put(f, Func.of("lower", a -> mapCase((String) a.get(0), false), "string"));
        put(f, Func.of("upper", a -> mapCase((String) a.get(0), true), "string"));
        put(f, Func.of("pad", a -> pad((String) a.get(0), (Long) a.get(1), (Long) a.get(2)), "string", "int", "int"));
        put(f, Func.of("truncate", a -> truncate((String) a.get(0), (Long) a.get(1)), "string", "int"));
        return f;
    }

    static Map<String, Func> headers() {
        Map<String, Func> f = new LinkedHashMap<>(rows());
        put(f, Func.of("json", a -> a.get(0), "string"));
        put(f, Func.of("split", a -> a.get(0), "string", "string"));
        put(f, Func.of("join", a -> a.get(0), "string", "string"));
        put(f, Func.of("title", a -> a.get(0), "string"));
        put(f, Func.of("lower", a -> a.get(0), "string"));
        put(f, Func.of("upper", a -> a.get(0), "string"));
        put(f, Func.of("truncate", a -> a.get(0), "string", "int"));
        return f;
    }

    private static void put(Map<String, Func> map, Func f) {
        map.put(f.name(), f);
    }

    /** strings.Split: an empty separator splits after each character; empty parts are kept. */
    static Slice split(String s, String sep) {
        List<Object> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
        } else {
            int from = 0;
            int at;
            while ((at = s.indexOf(sep, from)) >= 0) {
                parts.add(s.substring(from, at));
                from = at + sep.length();
            }
            parts.add(s.substring(from));
        }
        return new Slice("[]string", parts);
    }

    static String join(Slice items, String sep) {
        if (items == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.items().size(); i++) {
            out.append(i > 0 ? sep : "").append(GoFormat.print(items.items().get(i)));
        }
        return out.toString();
    }

    /** strings.ToUpper/ToLower: one character at a time (Go has no ß → SS). */
    static String mapCase(String s, boolean upper) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return out.toString();
    }

    /** strings.Title: the first letter of each word in title case; words are separated by anything but letters, digits and _. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int[] prev = {' '};
        s.codePoints().forEach(c -> {
            out.appendCodePoint(separator(prev[0]) ? Character.toTitleCase(c) : c);
            prev[0] = c;
        });
        return out.toString();
    }

    private static boolean separator(int c) {
        if (c <= 0x7f) {
            return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_');
        }
        if (Character.isLetter(c) || Character.isDigit(c)) {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static String pad(String s, long prefix, long suffix) {
        if (s.isEmpty()) {
            return s;
        }
        if (prefix < 0 || suffix < 0) {
            throw new Func.Failure("strings: negative Repeat count");
        }
        if (prefix + suffix > 1_000_000) {
            throw new Func.Failure("pad: " + (prefix + suffix) + " spaces is more than dockstat prints");
        }
        return " ".repeat((int) prefix) + s + " ".repeat((int) suffix);
    }

    /** The first {@code length} bytes, as docker slices the string (a cut character becomes U+FFFD). */
    static String truncate(String s, long length) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < length) {
            return s;
        }
        if (length < 0) {
            throw new Func.Failure("runtime error: slice bounds out of range [:" + length + "]");
        }
        return new String(bytes, 0, (int) length, StandardCharsets.UTF_8);
    }
}
