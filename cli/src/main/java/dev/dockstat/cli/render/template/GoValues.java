package dev.dockstat.cli.render.template;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The Go values a template sees, as Java objects: {@link String} (string), {@link Long} (int),
 * {@link Int64} (int64), {@link Double} (float64), {@link Boolean} (bool), null (untyped nil),
 * {@link #NO_VALUE} (a missing map key), {@link Slice}, {@link GoMap} and {@link Struct}.
 */
public final class GoValues {

    private GoValues() {}

    /** Go's invalid reflect.Value: what a missing map key yields; printed as {@code <no value>}. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    /** A string of a named string type, such as docker's {@code events.Action}. */
    public record NamedString(String type, String value) {}

    /** The text of a string of any string type, or null. */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        return v instanceof NamedString n ? n.value() : null;
    }

    /** A Go {@code int64} (Java's Long stands for {@code int}). */
    public record Int64(long value) {}

    /** A Go {@code uint8}: what {@code index} gives for a string. */
    public record Byte(long value) {}

    /** A slice, e.g. {@code []string}. */
    public record Slice(String type, List<Object> items) {
        public Slice {
            items = List.copyOf(items);
        }
    }

    /** A map with string keys, sorted as Go's fmt and json sort them; null entries is a nil map. */
    public record GoMap(String type, SortedMap<String, Object> entries) {}

    /** A struct field or method: Go name, JSON name, omitempty. */
    public record Member(String name, String jsonName, boolean omitEmpty, boolean method, Object value) {
        public static Member field(String name, String jsonName, boolean omitEmpty, Object value) {
            return new Member(name, jsonName, omitEmpty, false, value);
        }

        public static Member method(String name, Object value) {
            return new Member(name, name, false, true, value);
        }
    }

    /**
     * A struct (or a pointer to one, when {@code type} starts with {@code *}): its exported fields
     * and argument-less methods, printed as {@code {a b}}. {@code json} replaces the default
     * marshalling for types with their own MarshalJSON (docker's formatter contexts).
     */
    public record Struct(String type, List<Member> members, Function<Struct, String> json) {
        public Struct {
            members = List.copyOf(members);
        }

        public Struct(String type, List<Member> members) {
            this(type, members, null);
        }

        public Member member(String name) {
            for (Member m : members) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** A map value from Java, keys sorted. */
    public static GoMap stringMap(Map<String, String> values) {
        if (values == null) {
            return new GoMap("map[string]string", null);
        }
        return new GoMap("map[string]string", new java.util.TreeMap<>(values));
    }

    /** Go's name for the value's type, as errors and {@code %T} show it. */
    public static String typeName(Object v) {
        if (v == null || v == NO_VALUE) {
            return "<nil>";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof NamedString n) {
            return n.type();
        } else if (v instanceof Long) {
            return "int";
        } else if (v instanceof Int64) {
            return "int64";
        } else if (v instanceof Byte) {
            return "uint8";
        } else if (v instanceof Double) {
            return "float64";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof Slice s) {
            return s.type();
        } else if (v instanceof GoMap m) {
            return m.type();
        } else if (v instanceof Struct s) {
            return s.type();
        }
        return v.getClass().getSimpleName();
    }

    /** Go's truth: not the zero value of its type; structs are always true. */
    public static boolean truth(Object v) {
        if (v == null || v == NO_VALUE) {
            return false;
        } else if (text(v) != null) {
            return !text(v).isEmpty();
        } else if (v instanceof Long l) {
            return l != 0;
        } else if (v instanceof Int64 i) {
            return i.value() != 0;
        } else if (v instanceof Byte b) {
            return b.value() != 0;
        } else if (v instanceof Double d) {
            return d != 0;
        } else if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof Slice s) {
            return !s.items().isEmpty();
        } else if (v instanceof GoMap m) {
            return m.entries() != null && !m.entries().isEmpty();
        }
        return true;
    }

    /** Integer value of an int or int64, or null. */
    static Long integer(Object v) {
        if (v instanceof Long l) {
            return l;
        } else if (v instanceof Int64 i) {
            return i.value();
        } else if (v instanceof Byte b) {
            return b.value();
        }
        return null;
    }
}
