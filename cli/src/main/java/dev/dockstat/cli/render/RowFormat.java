package dev.dockstat.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A docker-style {@code --format}: {@code table} (the default columns), {@code json} (one object per
 * row), or a template such as {@code table {{.Name}}\t{{.CPUPerc}}}; with the {@code table} prefix
 * the output gets a header and aligned columns. Templates know {@code {{.Field}}} and
 * {@code {{json .}}}; {@code \t} and {@code \n} typed literally are tabs and newlines, as in docker.
 */
public final class RowFormat {

    private static final Pattern ACTION = Pattern.compile("\\{\\{\\s*(json\\s+)?\\.(\\w*)\\s*}}");

    private final boolean table;
    private final boolean json;
    private final List<Object> parts; // String literals and Field references

    private record Field(String name, boolean json) {}

    private RowFormat(boolean table, boolean json, List<Object> parts) {
        this.table = table;
        this.json = json;
        this.parts = parts;
    }

    /**
     * @param format the user's --format value ({@code table}, {@code json} or a template)
     * @param defaultTable the template {@code table} stands for
     * @param fields the field names rows know
     * @throws IllegalArgumentException naming the unknown field or the bad template
     */
    public static RowFormat parse(String format, String defaultTable, java.util.Collection<String> fields) {
        String f = format == null || format.isBlank() ? "table" : format;
        if (f.strip().equals("json")) {
            return new RowFormat(false, true, List.of());
        }
        boolean table = f.startsWith("table");
        String template = table ? f.substring("table".length()) : f;
        if (table && template.isBlank()) {
            template = defaultTable;
        }
        template = template.strip().replace("\\t", "\t").replace("\\n", "\n");
        return new RowFormat(table, false, compile(template, fields));
    }

    private static List<Object> compile(String template, java.util.Collection<String> fields) {
        List<Object> parts = new ArrayList<>();
        Matcher m = ACTION.matcher(template);
        int last = 0;
        while (m.find()) {
            parts.add(template.substring(last, m.start()));
            String name = m.group(2);
            boolean asJson = m.group(1) != null;
            if (!name.isEmpty() && !fields.contains(name)) {
                throw new IllegalArgumentException("--format: unknown field ." + name + " (fields: ."
                        + String.join(", .", fields) + ")");
            }
            if (name.isEmpty() && !asJson) {
                throw new IllegalArgumentException("--format: {{.}} is not supported; use {{json .}} or a field");
            }
            parts.add(new Field(name, asJson));
            last = m.end();
        }
        String rest = template.substring(last);
        if (rest.contains("{{")) {
            throw new IllegalArgumentException("--format: cannot read template action at \"" + rest.strip() + "\"");
        }
        parts.add(rest);
        return parts;
    }

    public boolean isTable() {
        return table;
    }

    public boolean isJson() {
        return json;
    }

    /** The header line (tab-separated), for table formats. */
    public String header(Map<String, String> headers) {
        return expand(name -> headers.getOrDefault(name, name.toUpperCase(java.util.Locale.ROOT)), true);
    }

    /** One row; {@code values} gives a field's text. */
    public String row(Function<String, String> values, java.util.Collection<String> fields) {
        if (json) {
            return jsonObject(values, fields);
        }
        return expand(values, false, fields);
    }

    private String expand(Function<String, String> values, boolean header) {
        return expand(values, header, List.of());
    }

    private String expand(Function<String, String> values, boolean header, java.util.Collection<String> fields) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String literal) {
                out.append(literal);
            } else if (part instanceof Field field) {
                if (field.name().isEmpty()) {
                    out.append(header ? "" : jsonObject(values, fields));
                } else if (field.json() && !header) {
                    out.append(Jsons.quote(values.apply(field.name())));
                } else {
                    out.append(values.apply(field.name()));
                }
            }
        }
        return out.toString();
    }

    /** Keys sorted, as Go marshals a map. */
    private static String jsonObject(Function<String, String> values, java.util.Collection<String> fields) {
        Map<String, String> sorted = new TreeMap<>();
        for (String f : fields) {
            sorted.put(f, values.apply(f));
        }
        StringBuilder out = new StringBuilder("{");
        sorted.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(Jsons.quote(k)).append(':').append(Jsons.quote(v));
        });
        return out.append('}').toString();
    }
}
