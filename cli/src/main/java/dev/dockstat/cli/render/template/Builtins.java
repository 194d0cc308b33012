package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.GoValues.GoMap;
import dev.dockstat.cli.render.template.GoValues.Slice;
import dev.dockstat.cli.render.template.GoValues.Struct;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's predefined template functions (and, or, not, len, index, slice, print, printf, println, eq,
 * ne, lt, le, gt, ge, html, js, urlquery, call) with Go's rules for comparison and indexing.
 * {@code and} and {@code or} are evaluated lazily by the executor; these bodies are their values.
 */
final class Builtins {

    private Builtins() {}

    static Map<String, Func> all() {
        Map<String, Func> f = new LinkedHashMap<>();
        add(f, Func.variadic("and", a -> a.get(a.size() - 1), "value", "value"));
        add(f, Func.variadic("or", a -> a.get(a.size() - 1), "value", "value"));
        add(f, Func.of("not", a -> !GoValues.truth(a.get(0)), "value"));
        add(f, Func.of("len", a -> length(a.get(0)), "value"));
        add(f, Func.variadic("index", a -> index(a.get(0), a.subList(1, a.size())), "value", "value"));
        add(f, Func.variadic("slice", a -> slice(a.get(0), a.subList(1, a.size())), "value", "value"));
        add(f, Func.variadic("print", GoFormat::sprint, "any"));
        add(f, Func.variadic("printf", a -> GoFormat.sprintf((String) a.get(0), a.subList(1, a.size())), "string", "any"));
        add(f, Func.variadic("println", GoFormat::sprintln, "any"));
        add(f, Func.variadic("eq", a -> eq(a.get(0), a.subList(1, a.size())), "value", "value"));
        add(f, Func.of("ne", a -> !eq(a.get(0), a.subList(1, 2)), "value", "value"));
        add(f, Func.of("lt", a -> lt(a.get(0), a.get(1)), "value", "value"));
        add(f, Func.of("le", a -> lt(a.get(0), a.get(1)) || eq(a.get(0), a.subList(1, 2)), "value", "value"));
        add(f, Func.of("gt", a -> !(lt(a.get(0), a.get(1)) || eq(a.get(0), a.subList(1, 2))), "value", "value"));
        add(f, Func.of("ge", a -> !lt(a.get(0), a.get(1)), "value", "value"));
        add(f, Func.variadic("html", a -> html(evalArgs(a)), "any"));
        add(f, Func.variadic("js", a -> js(evalArgs(a)), "any"));
        add(f, Func.variadic("urlquery", a -> urlquery(evalArgs(a)), "any"));
        add(f, Func.variadic("call", a -> call(a.get(0)), "value", "value"));
        return f;
    }

    private static void add(Map<String, Func> map, Func f) {
        map.put(f.name(), f);
    }

    /** Go's {@code evalArgs}: a lone string as it is, anything else through Sprint. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        List<Object> plain = new ArrayList<>();
        args.forEach(a -> plain.add(a == GoValues.NO_VALUE ? null : a));
        return GoFormat.sprint(plain);
    }

    private static Object call(Object fn) {
        if (fn == null || fn == GoValues.NO_VALUE) {
            throw new Func.Failure("call of nil");
        }
        throw new Func.Failure("non-function of type " + GoValues.typeName(fn));
    }

    private static long length(Object v) {
        if (GoValues.text(v) != null) {
            return GoValues.text(v).getBytes(StandardCharsets.UTF_8).length;
        } else if (v instanceof Slice s) {
            return s.items().size();
        } else if (v instanceof GoMap m) {
            return m.entries() == null ? 0 : m.entries().size();
        } else if (v == null || v == GoValues.NO_VALUE) {
            throw new Func.Failure("len of nil pointer");
        }
        throw new Func.Failure("len of type " + GoValues.typeName(v));
    }

    private static long indexArg(Object index, int cap) {
        Long i = GoValues.integer(index);
        if (index == null || index == GoValues.NO_VALUE) {
            throw new Func.Failure("cannot index slice/array with nil");
        }
        if (i == null) {
            throw new Func.Failure("cannot index slice/array with type " + GoValues.typeName(index));
        }
        if (i < 0 || i >= cap) {
            throw new Func.Failure("index out of range: " + i);
        }
        return i;
    }

    private static Object index(Object item, List<Object> indexes) {
        Object v = item;
        if (v == null || v == GoValues.NO_VALUE) {
            throw new Func.Failure("index of untyped nil");
        }
        for (Object index : indexes) {
            if (GoValues.text(v) != null) {
                byte[] bytes = GoValues.text(v).getBytes(StandardCharsets.UTF_8);
                v = new GoValues.Byte(bytes[(int) indexArg(index, bytes.length)] & 0xff);
            } else if (v instanceof Slice s) {
                v = s.items().get((int) indexArg(index, s.items().size()));
            } else if (v instanceof GoMap m) {
                if (!(index instanceof String key)) {
                    if (index == null || index == GoValues.NO_VALUE) {
                        throw new Func.Failure("value is nil; should be of type string");
                    }
                    throw new Func.Failure("value has type " + GoValues.typeName(index) + "; should be string");
                }
                Object found = m.entries() == null ? null : m.entries().get(key);
                v = found == null ? "" : found; // Go gives the zero value of the element type
            } else if (v == null || v == GoValues.NO_VALUE) {
                throw new Func.Failure("index of nil pointer");
            } else {
                throw new Func.Failure("can't index item of type " + GoValues.typeName(v));
            }
        }
        return v;
    }

    private static Object slice(Object item, List<Object> indexes) {
        if (item == null || item == GoValues.NO_VALUE) {
            throw new Func.Failure("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new Func.Failure("too many slice indexes: " + indexes.size());
        }
        int cap;
        if (GoValues.text(item) != null) {
            if (indexes.size() == 3) {
                throw new Func.Failure("cannot 3-index slice a string");
            }
            cap = GoValues.text(item).getBytes(StandardCharsets.UTF_8).length;
        } else if (item instanceof Slice s) {
            cap = s.items().size();
        } else {
            throw new Func.Failure("can't slice item of type " + GoValues.typeName(item));
        }
        long[] idx = {0, cap, cap};
        for (int i = 0; i < indexes.size(); i++) {
            Object x = indexes.get(i);
            Long n = GoValues.integer(x);
            if (x == null || x == GoValues.NO_VALUE) {
                throw new Func.Failure("cannot index slice/array with nil");
            }
            if (n == null) {
                throw new Func.Failure("cannot index slice/array with type " + GoValues.typeName(x));
            }
            if (n < 0 || n > cap) {
                throw new Func.Failure("index out of range: " + n);
            }
            idx[i] = n;
        }
        if (idx[0] > idx[1]) {
            throw new Func.Failure("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new Func.Failure("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (GoValues.text(item) != null) {
            byte[] bytes = GoValues.text(item).getBytes(StandardCharsets.UTF_8);
            String part = new String(bytes, (int) idx[0], (int) (idx[1] - idx[0]), StandardCharsets.UTF_8);
            return item instanceof GoValues.NamedString n ? new GoValues.NamedString(n.type(), part) : part;
        }
        Slice sl = (Slice) item;
        return new Slice(sl.type(), sl.items().subList((int) idx[0], (int) idx[1]));
    }

    // ---- comparisons

    private enum Kind { BOOL, INT, FLOAT, STRING, INVALID, OTHER }

    private static Kind kind(Object v) {
        if (v == null || v == GoValues.NO_VALUE) {
            return Kind.INVALID;
        } else if (v instanceof Boolean) {
            return Kind.BOOL;
        } else if (GoValues.integer(v) != null) {
            return Kind.INT;
        } else if (v instanceof Double) {
            return Kind.FLOAT;
        } else if (GoValues.text(v) != null) {
            return Kind.STRING;
        }
        return Kind.OTHER;
    }

    private static boolean eq(Object a, List<Object> others) {
        if (others.isEmpty()) {
            throw new Func.Failure("missing argument for comparison");
        }
        Kind k1 = kind(a);
        for (Object b : others) {
            Kind k2 = kind(b);
            boolean truth;
            if (k1 != k2) {
                if (k1 != Kind.INVALID && k2 != Kind.INVALID) {
                    throw new Func.Failure("incompatible types for comparison");
                }
                truth = false;
            } else {
                truth = switch (k1) {
                    case BOOL -> a.equals(b);
                    case STRING -> GoValues.text(a).equals(GoValues.text(b));
                    case INT -> GoValues.integer(a).longValue() == GoValues.integer(b).longValue();
                    case FLOAT -> ((Double) a).doubleValue() == ((Double) b).doubleValue();
                    case INVALID -> true;
                    case OTHER -> {
                        if (!GoValues.typeName(a).equals(GoValues.typeName(b))) {
                            throw new Func.Failure("incompatible types for comparison");
                        }
                        if (a instanceof Slice || a instanceof GoMap) {
                            throw new Func.Failure("non-comparable type " + GoFormat.print(a) + ": " + GoValues.typeName(a));
                        }
                        yield a == b || a instanceof Struct && a.equals(b);
                    }
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    private static boolean lt(Object a, Object b) {
        Kind k1 = kind(a);
        Kind k2 = kind(b);
        if (k1 == Kind.BOOL || k1 == Kind.OTHER || k1 == Kind.INVALID || k2 == Kind.BOOL || k2 == Kind.OTHER
                || k2 == Kind.INVALID) {
            throw new Func.Failure("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new Func.Failure("incompatible types for comparison");
        }
        return switch (k1) {
            case INT -> GoValues.integer(a) < GoValues.integer(b);
            case FLOAT -> (Double) a < (Double) b;
            default -> compareBytes(GoValues.text(a), GoValues.text(b)) < 0;
        };
    }

    /** Go compares strings by their UTF-8 bytes. */
    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    // ---- escapers

    static String html(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case 0 -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String js(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04X", c));
                    } else if (c < 0x80 || GoFormat.quote(new String(Character.toChars(c))).length() == 2 + Character.charCount(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append(String.format("\\u%04X", c));
                    }
                }
            }
        });
        return out.toString();
    }

    static String urlquery(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
