package dev.dockstat.cli.render.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each construct of Go's text/template and docker's functions, with the output Go gives. */
class TemplateTest {

    static final Object DATA = TemplateProperties.DATA;

    static String run(String template) {
        return Template.parse(template).execute(DATA);
    }

    static String fails(String template) {
        return assertThrows(TemplateException.class, () -> run(template)).getMessage();
    }

    @Test
    void textAndFields() {
        assertEquals("plain", run("plain"));
        assertEquals("web-1 0123456789ab", run("{{.Name}} {{.ID}}"));
        assertEquals("1 x-y <no value>", run("{{.Labels.a}} {{.Labels.b}} {{.Labels.zz}}"));
        assertEquals("map[a:1 b:x-y] [a b ] 3 0.25 true <nil>", run("{{.Labels}} {{.Parts}} {{.Count}} {{.Ratio}} {{.On}} {{.Header}}"));
    }

    @Test
    void trimMarkersAndComments() {
        assertEquals("a|b", run("a \n {{- \"|\" -}} \n b"));
        assertEquals("a-1 b", run("a-{{1}} b"), "a dash without a space is a number's sign... here text");
        assertEquals("ab", run("a{{/* comment */}}b"));
        assertEquals("ab", run("a {{- /* comment */ -}} b"));
        assertEquals("template: :1: unclosed comment", fails("{{/* open"));
    }

    @Test
    void pipelinesAndParentheses() {
        assertEquals("\"web-1!\"", run("{{.Name | printf \"%s!\" | printf \"%q\"}}"));
        assertEquals("WEB-1", run("{{upper (printf \"%s\" .Name)}}"));
        assertEquals("5", run("{{(len .Name)}}"));
        assertEquals("1", run("{{(.Labels).a}}"));
    }

    @Test
    void variables() {
        assertEquals("web-1", run("{{$n := .Name}}{{$n}}"));
        assertEquals("2", run("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}"));
        assertEquals("web-1", run("{{with .Labels}}{{$.Name}}{{end}}"));
        assertEquals("template: :1: undefined variable \"$nope\"", fails("{{$nope}}"));
        assertEquals("template: :1: undefined variable \"$x\"", fails("{{if true}}{{$x := 1}}{{end}}{{$x}}"));
    }

    @Test
    void ifElseWith() {
        assertEquals("yes", run("{{if .On}}yes{{else}}no{{end}}"));
        assertEquals("two", run("{{if eq .Count 1}}one{{else if eq .Count 3}}two{{else}}other{{end}}"));
        assertEquals("no", run("{{if .Labels.zz}}yes{{else}}no{{end}}"));
        assertEquals("1", run("{{with .Labels}}{{.a}}{{end}}"));
        assertEquals("none", run("{{with .Labels.zz}}{{.}}{{else}}none{{end}}"));
        assertEquals("x-y", run("{{with .Labels.zz}}{{.}}{{else with .Labels.b}}{{.}}{{end}}"));
        assertEquals("empty", run("{{if \"\"}}x{{else if 0}}y{{else if .Parts}}empty{{end}}"));
    }

    @Test
    void range() {
        assertEquals("<a><b><>", run("{{range .Parts}}<{{.}}>{{end}}"));
        assertEquals("0=a 1=b 2= ", run("{{range $i, $v := .Parts}}{{$i}}={{$v}} {{end}}"));
        assertEquals("a:1 b:x-y ", run("{{range $k, $v := .Labels}}{{$k}}:{{$v}} {{end}}"));
        assertEquals("none", run("{{range .Labels.zz}}x{{else}}none{{end}}"));
        assertEquals("012", run("{{range 3}}{{.}}{{end}}"));
        assertEquals("a", run("{{range .Parts}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}"));
        assertEquals("a", run("{{range .Parts}}{{if ne . \"a\"}}{{continue}}{{end}}{{.}}{{end}}"));
        assertEquals("template: :1: {{break}} outside {{range}}", fails("{{break}}"));
        assertEquals("template: :1:8: executing \"\" at <.Name>: range can't iterate over web-1", fails("{{range .Name}}{{end}}"));
    }

    @Test
    void defineTemplateBlock() {
        assertEquals("[web-1]", run("{{define \"t\"}}[{{.}}]{{end}}{{template \"t\" .Name}}"));
        assertEquals("<1>", run("{{block \"b\" .Labels}}<{{.a}}>{{end}}"));
        assertEquals("template: :1:21: executing \"\" at <{{template \"x\"}}>: template \"x\" not defined",
                fails("{{.Name}} {{template \"x\"}}"));
    }

    @Test
    void literals() {
        assertEquals("s raw\\n 99 10 31 1000 -3 2.5 true", run("{{\"s\"}} {{`raw\\n`}} {{'c'}} {{0b1010}} {{0x1F}} {{1e3}} {{-3}} {{2.5}} {{true}}"));
        assertEquals("é\t", run("{{\"\\u00e9\\t\"}}"));
        assertEquals("template: :1:2: executing \"\" at <nil>: nil is not a command", fails("{{nil}}"));
        assertEquals("template: :1: unterminated quoted string", fails("{{\"open}}"));
        assertEquals("template: :1: bad number syntax: \"1x\"", fails("{{1x}}"));
    }

    @Test
    void comparisonsAndLogic() {
        assertEquals("true false true", run("{{eq .Name \"x\" \"web-1\"}} {{ne 1 1}} {{eq .Count 3}}"));
        assertEquals("true true false true", run("{{lt 1 2}} {{le 2 2}} {{gt \"a\" \"b\"}} {{ge 2.5 2.5}}"));
        assertEquals("0123456789ab  web-1 false true", run("{{and .Name .ID}} {{and .Name \"\" .ID}} {{or \"\" .Name}} {{not .Name}} {{not 0}}"));
        assertEquals("template: :1:2: executing \"\" at <lt 1 2.5>: error calling lt: incompatible types for comparison",
                fails("{{lt 1 2.5}}"));
        assertEquals("template: :1:2: executing \"\" at <lt true false>: error calling lt: invalid type for comparison",
                fails("{{lt true false}}"));
        assertEquals("template: :1:2: executing \"\" at <eq .Name 1>: error calling eq: incompatible types for comparison",
                fails("{{eq .Name 1}}"));
        assertEquals("x 0", run("{{and 1 (or 0 \"x\")}} {{and 0 .Nope}}"), "and/or stop at the deciding value");
    }

    @Test
    void lenIndexSlice() {
        assertEquals("5 3 2", run("{{len .Name}} {{len .Parts}} {{len .Labels}}"));
        assertEquals("b 119 x-y ", run("{{index .Parts 1}} {{index .Name 0}} {{index .Labels \"b\"}} {{index .Labels \"zz\"}}"));
        assertEquals("eb [b ] web-1", run("{{slice .Name 1 3}} {{slice .Parts 1}} {{slice .Name}}"));
        assertEquals("template: :1:2: executing \"\" at <index .Parts 5>: error calling index: index out of range: 5",
                fails("{{index .Parts 5}}"));
        assertEquals("template: :1:2: executing \"\" at <len 3>: error calling len: len of type int", fails("{{len 3}}"));
    }

    @Test
    void printFunctions() {
        assertEquals("1 2x3 web-1", run("{{print 1 2 \"x\" 3 \" \" .Name}}"));
        assertEquals("a 1 true\n", run("{{println \"a\" 1 true}}"));
        assertEquals("&lt;a href=&#39;x&#39;&gt;&amp;&#34;", run("{{html \"<a href='x'>&\\\"\"}}"));
        assertEquals("it\\'s \\u003Cb\\u003E \\u003D", run("{{js \"it's <b> =\"}}"));
        assertEquals("a+b%26c%2Fd", run("{{urlquery \"a b&c/d\"}}"));
        assertEquals("template: :1:2: executing \"\" at <call .Name>: error calling call: non-function .Name of type string",
                fails("{{call .Name}}"));
    }

    @Test
    void printfVerbs() {
        assertEquals("web-1               |   web-1|web", run("{{printf \"%-20s|%8s|%.3s\" .Name .Name .Name}}"));
        assertEquals("   42|42   |00042|+42|ff|FF|0xff|10|101|A|U+0041|'A'", run(
                "{{printf \"%5d|%-5d|%05d|%+d|%x|%X|%#x|%o|%b|%c|%U|%q\" 42 42 42 42 255 255 255 8 5 65 65 65}}"));
        assertEquals("3.14|  3.142|1.234568e+03|1.234500E-05|3.14|1e+21|100000|1e+06|0.25", run(
                "{{printf \"%.2f|%7.3f|%e|%E|%.3g|%g|%v|%v|%v\" 3.14159 3.14159 1234.5678 0.000012345 3.14159 1e21 100000.0 1e6 .Ratio}}"));
        assertEquals("\"web-1\" 7765622d31 true string int []string map[string]string float64 %", run(
                "{{printf \"%q %x %t %T %T %T %T %T %%\" .Name .Name true .Name 1 .Parts .Labels 2.5}}"));
        assertEquals("%!d(string=web-1) %!s(MISSING) a%!(EXTRA int=1) %!z(int=3) %!(NOVERB)", run(
                "{{printf \"%d %s\" .Name}} {{printf \"%s\" \"a\" 1}} {{printf \"%z\" 3}} {{printf \"%\"}}"));
        assertEquals("[a b ] map[a:1 b:x-y] %!s(<nil>) <nil>", run("{{printf \"%v %v %s %v\" .Parts .Labels nil nil}}"));
        assertEquals("[\"a\" \"b\" \"\"]", run("{{printf \"%q\" .Parts}}"));
        assertEquals("%!f(int=01)% 0x1.cp+01 0X1.8P+00 uint8 98", run(
                "{{printf \"%.2f%%\" 1}} {{printf \"%x\" 3.5}} {{printf \"%X\" 1.5}} {{printf \"%T\" (index .Name 1)}} {{index .Name 2}}"),
                "as docker 28.2.2 prints them");
        assertEquals("-003.142| 5|\"\\u00e9\"|   3.1|\"a\"     |+1.2e+04", run(
                "{{printf \"%08.3f|% d|%+q\" -3.14159 5 \"é\"}}|{{printf \"%6.2v|%-8q|%+.1e\" 3.14159 \"a\" 12345.678}}"));
    }

    @Test
    void dockerFunctions() {
        assertEquals("{\"a\":\"1\",\"b\":\"x-y\"} \"web-1\" [\"a\",\"b\",\"\"] null 3 \"<&>\"",
                run("{{json .Labels}} {{json .Name}} {{json .Parts}} {{json .Labels.zz}} {{json .Count}} {{json \"<&>\"}}"));
        assertEquals("web+1 [web 1] [w e b - 1]", run("{{join (split .Name \"-\") \"+\"}} {{split .Name \"-\"}} {{split .Name \"\"}}"));
        assertEquals("WEB-1 web-1 Web-1 Hello World_x", run("{{upper .Name}} {{lower \"WEB-1\"}} {{title .Name}} {{title \"hello world_x\"}}"));
        assertEquals("[ web-1  ] [] web web-1", run("[{{pad .Name 1 2}}] [{{pad \"\" 3 3}}] {{truncate .Name 3}} {{truncate .Name 99}}"));
        assertEquals("template: :1:7: executing \"\" at <.Name>: wrong type for value; expected []string; got string",
                fails("{{join .Name \"+\"}}"));
    }

    @Test
    void headersKeepTitles() {
        Template t = Template.parse("{{upper .Name}}\t{{pad .ID 1 1}}\t{{truncate .Name 2}}\t{{json .}}|after");
        Object titles = new GoValues.GoMap("formatter.SubHeaderContext", new TreeMap<>(Map.of("Name", "NAME", "ID", "CONTAINER ID")));
        assertEquals("NAME\t CONTAINER ID \tNAME\t", t.executeHeader(titles), "docker's json header wants a string: it stops there");
    }

    @Test
    void errorsNameThePlaceAsGoDoes() {
        assertEquals("template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *container.statsContext", fails("{{.Nope}}"));
        assertEquals("template: :1:7: executing \"\" at <.Name.X>: can't evaluate field X in type string", fails("{{.Name.X}}"));
        assertEquals("template: :2:4: executing \"\" at <.Nope>: can't evaluate field Nope in type *container.statsContext", fails("a\nb {{.Nope}}"));
        assertEquals("template: :1: function \"nope\" not defined", fails("{{nope .Name}}"));
        assertEquals("template: :1: unexpected EOF", fails("{{if .On}}x"));
        assertEquals("template: :1: unexpected {{end}}", fails("{{end}}"));
        assertEquals("template: :1: unclosed action", fails("{{.Name"));
        assertEquals("template: :1: missing value for if", fails("{{if}}{{end}}"));
        assertEquals("template: :1:2: executing \"\" at <.Name>: wrong number of args for Name: want 0 got 1", fails("{{.Name 1}}"));
        assertEquals("template: :1:8: executing \"\" at <3>: expected string; found 3", fails("{{upper 3}}"));
        assertEquals("template: :1:2: executing \"\" at <upper>: wrong number of args for upper: want 1 got 0", fails("{{upper}}"));
        assertEquals("template: :1: unexpected right paren", fails("{{.Name)}}"));
        assertEquals("template: :1: bad character U+003D '='", fails("{{$x:=1}}{{$x=2}}"), "Go wants a space before =");
        assertEquals("template: :1: comment ends before closing delimiter", fails("{{/*x*/ }}"));
        assertEquals("template: :1: unexpected \"/\" in command", fails("{{ /*x*/}}"));
    }

    @Test
    void valuesOfNamedTypesKeepTheirType() {
        Object event = new GoValues.Struct("events.Message", List.of(
                GoValues.Member.field("Action", "Action", false, new GoValues.NamedString("events.Action", "start"))));
        assertEquals("start true START", Template.parse("{{.Action}} {{eq .Action \"start\"}} {{upper (print .Action)}}").execute(event));
        assertEquals("template: :1:8: executing \"\" at <.Action>: wrong type for value; expected string; got events.Action",
                assertThrows(TemplateException.class, () -> Template.parse("{{upper .Action}}").execute(event)).getMessage());
    }
}
