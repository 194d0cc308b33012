package dev.dockstat.cli.render;

import dev.dockstat.cli.render.template.GoJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Go value as the docker CLI's templates see it: a struct (fields in declaration order, each
 * with its JSON name and {@code omitempty}), a map of strings, a string or an integer. Printing and
 * JSON follow Go: {@code %v} of a struct is {@code {a b}}, of a map {@code map[k:v]} with sorted
 * keys; {@code json} honours field names and {@code omitempty} and sorts map keys.
 */
public sealed interface GoValue {

    /** {@code fmt.Sprint(v)}. */
    String print();

    /** {@code json.Marshal(v)} (HTML-safe, as Go). */
    String json();

    /** Whether {@code omitempty} leaves it out. */
    boolean empty();

    /** A string; {@code type} is its Go type ({@code string}, or a named one such as {@code events.Action}). */
    record Str(String value, String type) implements GoValue {
        public Str {
            value = value == null ? "" : value;
        }

        public Str(String value) {
            this(value, "string");
        }

        @Override
        public String print() {
            return value;
        }

        @Override
        public String json() {
            return GoJson.quote(value);
        }

        @Override
        public boolean empty() {
            return value.isEmpty();
        }
    }

    record Int(long value) implements GoValue {
        @Override
        public String print() {
            return Long.toString(value);
        }

        @Override
        public String json() {
            return Long.toString(value);
        }

        @Override
        public boolean empty() {
            return value == 0;
        }
    }

    /** {@code map[string]string}; a null map is Go's nil map. */
    record StrMap(Map<String, String> values) implements GoValue {
        public StrMap {
            values = values == null ? null : new TreeMap<>(values);
        }

        @Override
        public String print() {
            StringBuilder out = new StringBuilder("map[");
            if (values != null) {
                values.forEach((k, v) -> out.append(out.length() > 4 ? " " : "").append(k).append(':').append(v));
            }
            return out.append(']').toString();
        }

        @Override
        public String json() {
            if (values == null) {
                return "null";
            }
            StringBuilder out = new StringBuilder("{");
            values.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(GoJson.quote(k)).append(':').append(GoJson.quote(v)));
            return out.append('}').toString();
        }

        @Override
        public boolean empty() {
            return values == null || values.isEmpty();
        }
    }

    /** A struct field: Go name, JSON name, {@code omitempty}. */
    record Field(String name, String jsonName, boolean omitEmpty, GoValue value) {}

    record Struct(String type, List<Field> fields) implements GoValue {
        public Struct {
            fields = List.copyOf(fields);
        }

        public GoValue field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f.value();
                }
            }
            return null;
        }

        @Override
        public String print() {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < fields.size(); i++) {
                out.append(i > 0 ? " " : "").append(fields.get(i).value().print());
            }
            return out.append('}').toString();
        }

        @Override
        public String json() {
            StringBuilder out = new StringBuilder("{");
            for (Field f : fields) {
                if (f.omitEmpty() && f.value().empty()) {
                    continue;
                }
                out.append(out.length() > 1 ? "," : "").append(GoJson.quote(f.jsonName())).append(':').append(f.value().json());
            }
            return out.append('}').toString();
        }

        @Override
        public boolean empty() {
            return false; // Go's omitempty never omits a struct
        }
    }
}
