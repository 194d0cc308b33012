package dev.dockstat.synthetic;

/** The few JSON pieces the engine writes by hand: answers keep dockerd's field order, which a mapper would not. */
final class Json {

    private Json() {}

    /** {@code value} as a JSON string, escaped as Go's encoding/json does for what appears here. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2);
        quote(b, value);
        return b.toString();
    }

    static StringBuilder quote(StringBuilder b, String value) {
        if (value == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                // Go escapes these three for HTML safety; dockerd's answers carry them so
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    /** A string map as Go writes it: keys sorted (Go sorts map keys), {@code null} for no map. */
    static StringBuilder stringMap(StringBuilder b, java.util.SortedMap<String, String> map) {
        if (map == null) {
            return b.append("null");
        }
        b.append('{');
        boolean first = true;
        for (var e : map.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            quote(b, e.getKey()).append(':');
            quote(b, e.getValue());
        }
        return b.append('}');
    }
}
