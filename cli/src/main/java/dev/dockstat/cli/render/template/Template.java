package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.Node.ListNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A Go text/template with the docker CLI's functions, as {@code --format} values are written:
 * parse once, execute over any number of values. Errors are {@link TemplateException}s with Go's
 * one-line messages; nothing else escapes, whatever the template.
 */
public final class Template {

    private static final Map<String, Func> ROW_FUNCS = merge(DockerFuncs.rows());
    private static final Map<String, Func> HEADER_FUNCS = merge(DockerFuncs.headers());

    private final String text;
    private final Map<String, ListNode> templates;

    private Template(String text, Map<String, ListNode> templates) {
        this.text = text;
        this.templates = templates;
    }

    private static Map<String, Func> merge(Map<String, Func> docker) {
        Map<String, Func> all = new HashMap<>(Builtins.all());
        all.putAll(docker);
        return Map.copyOf(all);
    }

    /** @throws TemplateException for a template Go would not parse, with Go's message */
    public static Template parse(String text) {
        try {
            return new Template(text, Parser.parse(text, ROW_FUNCS.keySet()));
        } catch (StackOverflowError e) {
            throw new TemplateException("template: :1: template nested too deeply", false);
        }
    }

    /** The template over {@code data} (see {@link GoValues} for the values it may hold). */
    public String execute(Object data) {
        return run(data, ROW_FUNCS);
    }

    /**
     * The template over a table's column titles with docker's header functions. Like docker, a
     * failure keeps what was printed before it.
     */
    public String executeHeader(Object titles) {
        StringBuilder out = new StringBuilder();
        try {
            new Exec(text, templates, HEADER_FUNCS, out).run(titles);
        } catch (TemplateException | StackOverflowError ignored) {
            // docker ignores the header's error: its output so far is the header
        }
        return out.toString();
    }

    private String run(Object data, Map<String, Func> funcs) {
        StringBuilder out = new StringBuilder();
        try {
            new Exec(text, templates, funcs, out).run(data);
        } catch (StackOverflowError e) {
            throw new TemplateException("template: : exceeded maximum template depth", true);
        }
        return out.toString();
    }
}
