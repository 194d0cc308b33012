package dev.dockstat.cli.render;

import dev.dockstat.cli.render.template.GoJson;
import dev.dockstat.cli.render.template.GoValues;
import dev.dockstat.cli.render.template.Template;
import dev.dockstat.cli.render.template.TemplateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A docker-style {@code --format} for rows (stats, df): {@code table} (the default columns),
 * {@code json} (one object per row, as {@code {{json .}}}), or a Go template such as
 * {@code table {{.Name}}\t{{upper .CPUPerc}}}. As in the docker CLI, a {@code table} prefix adds a
 * header (the template run over the column titles with title-keeping functions) and aligned
 * columns; {@code \t} and {@code \n} typed literally are tabs and newlines; each row is a value
 * whose fields are docker's methods of that row type.
 */
public final class RowFormat {

    private final boolean table;
    private final boolean json;
    private final Template template;
    private final String typeName;

    private RowFormat(boolean table, boolean json, Template template, String typeName) {
        this.table = table;
        this.json = json;
        this.template = template;
        this.typeName = typeName;
    }

    /**
     * @param format the user's --format value ({@code table}, {@code json} or a template)
     * @param defaultTable the template {@code table} stands for
     * @param fields the field names rows know
     * @param typeName the docker CLI's Go type of a row, as its error messages name it
     * @throws IllegalArgumentException naming the problem as docker does ({@code template parsing
     *     error: template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type ...})
     */
    public static RowFormat parse(String format, String defaultTable, Collection<String> fields, String typeName) {
        String f = format == null || format.isEmpty() ? "table" : format;
        boolean json = f.equals("json");
        boolean table = f.startsWith("table");
        String text;
        if (json) {
            text = "{{json .}}";
        } else if (f.equals("table")) {
            text = defaultTable;
        } else {
            text = (table ? f.substring("table".length()) : f).replaceAll("^ +| +$", "").replace("\\t", "\t").replace("\\n", "\n");
        }
        Template template;
        try {
            template = Template.parse(text);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("template parsing error: " + e.getMessage());
        }
        try {
            // docker finds a wrong field name at the first row; an empty row finds it before any output
            template.execute(row(typeName, fields, name -> ""));
        } catch (TemplateException e) {
            if (!e.dataDependent()) {
                throw new IllegalArgumentException("template parsing error: " + e.getMessage());
            }
        }
        return new RowFormat(table, json, template, typeName);
    }

    /** Docker's formatter context for one row: a method per field, marshalled as a map of them. */
    static GoValues.Struct row(String typeName, Collection<String> fields, Function<String, String> values) {
        List<GoValues.Member> members = new ArrayList<>();
        members.add(GoValues.Member.field("Header", "Header", false, null));
        for (String field : fields) {
            members.add(GoValues.Member.method(field, values.apply(field)));
        }
        members.add(GoValues.Member.method("FullHeader", null));
        return new GoValues.Struct(typeName, members, s -> {
            Map<String, Object> sorted = new TreeMap<>();
            for (String field : fields) {
                sorted.put(field, s.member(field).value());
            }
            return GoJson.encode(new GoValues.GoMap("map[string]interface {}", new TreeMap<>(sorted)), true);
        });
    }

    public boolean isTable() {
        return table;
    }

    public boolean isJson() {
        return json;
    }

    /** The header line, for table formats: the template over the column titles, as docker makes it. */
    public String header(Map<String, String> headers) {
        return template.executeHeader(new GoValues.GoMap("formatter.SubHeaderContext", new TreeMap<String, Object>(headers)));
    }

    /**
     * One row (without the newline docker adds after it); {@code values} gives a field's text.
     *
     * @throws IllegalArgumentException when the template fails on this row (docker stops there too)
     */
    public String row(Function<String, String> values, Collection<String> fields) {
        return row(values, fields, typeName);
    }

    /** One row of a given Go type (df's rows are of four types). */
    public String row(Function<String, String> values, Collection<String> fields, String rowType) {
        try {
            return template.execute(row(rowType, fields, values));
        } catch (TemplateException e) {
            throw new IllegalArgumentException("template parsing error: " + e.getMessage());
        }
    }
}
