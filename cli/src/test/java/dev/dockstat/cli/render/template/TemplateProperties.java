package dev.dockstat.cli.render.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever the template, the engine answers with an output or a one-line {@link TemplateException},
 * never another exception: templates drawn from the grammar (known and unknown fields, functions,
 * variables, literals of every kind, control structures, trim markers, comments), random text
 * made of the characters templates are made of, and arbitrary strings.
 */
class TemplateProperties {

    static final Object DATA = new GoValues.Struct("*container.statsContext", List.of(
            GoValues.Member.field("Header", "Header", false, null),
            GoValues.Member.method("Name", "web-1"), GoValues.Member.method("ID", "0123456789ab"),
            GoValues.Member.method("CPUPerc", "1.50%"),
            GoValues.Member.field("Labels", "Labels", false, GoValues.stringMap(Map.of("a", "1", "b", "x-y"))),
            GoValues.Member.field("Count", "Count", false, new GoValues.Int64(3)),
            GoValues.Member.field("Ratio", "Ratio", false, 0.25),
            GoValues.Member.field("Parts", "Parts", false, new GoValues.Slice("[]string", List.of("a", "b", ""))),
            GoValues.Member.field("On", "On", false, true)));

    static void answersCleanly(String text) {
        String out;
        try {
            Template t = Template.parse(text);
            out = t.execute(DATA);
            assertNotNull(t.executeHeader(new GoValues.GoMap("formatter.SubHeaderContext",
                    new java.util.TreeMap<>(Map.of("Name", "NAME", "ID", "CONTAINER ID")))));
        } catch (TemplateException e) {
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertFalse(e.getMessage().isBlank());
            return;
        }
        assertNotNull(out);
    }

    @Property(tries = 3000)
    void grammarTemplatesNeverCrash(@ForAll("templates") String text) {
        answersCleanly(text);
    }

    @Property(tries = 2000)
    void templateCharacterSoupNeverCrashes(@ForAll("soup") String text) {
        answersCleanly(text);
    }

    @Property(tries = 1000)
    void arbitraryStringsNeverCrash(@ForAll @StringLength(max = 200) String text) {
        answersCleanly(text);
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.strings().withChars("{}{}{}-  .$|()\"'`=:,/*\\nabcNI0129e+x%\t\n").ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> templates() {
        return body(3).list().ofMaxSize(4).map(parts -> String.join("", parts));
    }

    private Arbitrary<String> body(int depth) {
        Arbitrary<String> text = Arbitraries.of("x", " ", "\n", "a-b ", "\t", "}", "{");
        Arbitrary<String> action = Combinators.combine(left(), pipeline(depth), right()).as((l, p, r) -> l + p + r);
        Arbitrary<String> comment = Arbitraries.of("{{/* c */}}", "{{- /* c */ -}}", "{{/* open", "{{/**/}}");
        if (depth == 0) {
            return Arbitraries.oneOf(text, action, comment);
        }
        Arbitrary<String> inner = body(depth - 1).list().ofMaxSize(3).map(l -> String.join("", l));
        Arbitrary<String> control = Combinators.combine(Arbitraries.of("if", "with", "range", "range $i, $v :=", "range $v :=",
                "else if", "block \"b\""), pipeline(depth - 1), inner, Arbitraries.of("", "{{else}}", "{{else if .On}}", "{{break}}",
                "{{continue}}", "{{else with .Name}}"), inner, Arbitraries.of("{{end}}", "{{- end -}}", "", "{{end}}{{end}}"))
                .as((k, p, a, e, b, end) -> "{{" + k + " " + p + "}}" + a + e + b + end);
        Arbitrary<String> define = Combinators.combine(inner, Arbitraries.of("\"t\"", "\"u\"", "`t`", "t"))
                .as((b, n) -> "{{define " + n + "}}" + b + "{{end}}{{template " + n + " .}}");
        return Arbitraries.oneOf(text, action, action, comment, control, define);
    }

    private Arbitrary<String> left() {
        return Arbitraries.of("{{", "{{- ", "{{-", "{{ ");
    }

    private Arbitrary<String> right() {
        return Arbitraries.of("}}", " -}}", "-}}", " }}", "");
    }

    private Arbitrary<String> pipeline(int depth) {
        Arbitrary<String> command = command(depth);
        return Combinators.combine(Arbitraries.of("", "$x := ", "$x = ", "$y := ", "$a, $b := "), command.list().ofMinSize(1).ofMaxSize(3))
                .as((decl, cmds) -> decl + String.join(" | ", cmds));
    }

    private Arbitrary<String> command(int depth) {
        Arbitrary<String> operand = operand(depth);
        Arbitrary<String> call = Combinators.combine(Arbitraries.of("printf", "print", "println", "len", "index", "slice", "eq",
                "ne", "lt", "le", "gt", "ge", "and", "or", "not", "html", "js", "urlquery", "call", "json", "split", "join",
                "title", "lower", "upper", "pad", "truncate", "nope"), operand.list().ofMaxSize(3))
                .as((f, args) -> f + (args.isEmpty() ? "" : " " + String.join(" ", args)));
        return Arbitraries.oneOf(operand, call, call);
    }

    private Arbitrary<String> operand(int depth) {
        Arbitrary<String> simple = Arbitraries.of(".", ".Name", ".ID", ".CPUPerc", ".Labels", ".Labels.a", ".Labels.zz",
                ".Count", ".Ratio", ".Parts", ".On", ".Header", ".Nope", ".Name.X", "$", "$x", "$y", "$.Name", "$x.Name", "$nope",
                "\"s\"", "\"%-5s|%d|%v|%q|%x|%5.2f|%e|%g|%t|%c|%U|%T|%%|%!\"", "\"a-b-c\"", "`raw`", "'c'", "'\\n'", "0",
                "1", "-3", "2.5", "1e3", "0x1F", "0b101", "0o17", "9223372036854775807", "99999999999999999999", "1_000",
                "true", "false", "nil", "\"\\u00e9\\x41\"", "\"bad\\q\"", "3i", "1.5e400", "-");
        if (depth == 0) {
            return simple;
        }
        Arbitrary<String> paren = Arbitraries.lazy(() -> pipeline(depth - 1)).map(p -> "(" + p + ")");
        Arbitrary<String> chained = paren.map(p -> p + ".Name");
        return Arbitraries.oneOf(simple, simple, simple, paren, chained);
    }
}
