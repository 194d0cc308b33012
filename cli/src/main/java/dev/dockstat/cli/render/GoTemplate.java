package dev.dockstat.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go's text/template that {@code --format} values use on a {@link GoValue}: text,
 * {@code {{.}}}, {@code {{.Field.Sub}}}, {@code {{.Map.key}}} and {@code {{json .Path}}} (docker's
 * {@code json} function). Like Go, a map key that is absent prints {@code <no value>} and a struct
 * field that does not exist is an error, found when the template is checked against an empty value
 * (as docker does).
 */
public final class GoTemplate {

    private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern PATH = Pattern.compile("\\.|(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private record Action(boolean json, List<String> path) {}

    private final List<Object> parts; // String or Action

    private GoTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /**
     * @param template the user's template ({@code \t} and {@code \n} typed literally become tab and newline)
     * @param empty a zero value of the type the template will see, to check field names against
     * @throws IllegalArgumentException describing the first problem
     */
    public static GoTemplate parse(String template, GoValue empty) {
        String t = template.replace("\\t", "\t").replace("\\n", "\n");
        List<Object> parts = new ArrayList<>();
        Matcher m = ACTION.matcher(t);
        int last = 0;
        while (m.find()) {
            parts.add(t.substring(last, m.start()));
            parts.add(action(m.group(1).strip()));
            last = m.end();
        }
        String rest = t.substring(last);
        if (rest.contains("{{")) {
            throw new IllegalArgumentException("unclosed action in template");
        }
        parts.add(rest);
        GoTemplate compiled = new GoTemplate(parts);
        compiled.execute(empty);
        return compiled;
    }

    private static Action action(String body) {
        boolean json = false;
        String expr = body;
        if (body.startsWith("json ") || body.startsWith("json\t")) {
            json = true;
            expr = body.substring(5).strip();
        }
        if (!PATH.matcher(expr).matches()) {
            throw new IllegalArgumentException("unsupported template action {{" + body
                    + "}} (dockstat supports {{.Field}}, {{.Field.Sub}} and {{json .Field}})");
        }
        List<String> path = expr.equals(".") ? List.of() : List.of(expr.substring(1).split("\\."));
        return new Action(json, path);
    }

    /** The template applied to a value. */
    public String execute(GoValue value) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.append(text);
            } else {
                Action a = (Action) part;
                GoValue v = resolve(value, a.path());
                out.append(v == null ? (a.json() ? "null" : "<no value>") : a.json() ? v.json() : v.print());
            }
        }
        return out.toString();
    }

    /** Null for an absent map key (Go prints {@code <no value>}); an unknown struct field throws. */
    private static GoValue resolve(GoValue root, List<String> path) {
        GoValue v = root;
        for (String name : path) {
            if (v instanceof GoValue.Struct s) {
                v = s.field(name);
                if (v == null) {
                    throw new IllegalArgumentException("can't evaluate field " + name + " in type " + s.type());
                }
            } else if (v instanceof GoValue.StrMap map) {
                String s = map.values() == null ? null : map.values().get(name);
                v = s == null ? null : new GoValue.Str(s);
            } else if (v == null) {
                return null;
            } else {
                throw new IllegalArgumentException("can't evaluate field " + name + " in type "
                        + (v instanceof GoValue.Int ? "int64" : "string"));
            }
        }
        return v;
    }
}
