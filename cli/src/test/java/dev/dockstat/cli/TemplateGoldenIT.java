package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same {@code --format} templates through {@code docker stats --no-stream}, {@code docker
 * events --since/--until} and {@code docker system df} on the test bed and through dockstat, byte
 * for byte. Stats run over two idle containers of ours; where a template shows figures that move
 * (CPU, memory, the engine's container count), docker runs before and after dockstat and dockstat
 * must equal one of the two. Errors compare the message from {@code template: } on (docker prefixes
 * it with "template parsing error: " or "Error parsing format: ", dockstat with "Error: ") and the
 * exit code: 2 where the template is wrong whatever the data (docker: 1, or 64 for events), 1 where
 * it fails on a row's values (docker: 1). The table of all cases is written to
 * {@code target/template-golden.md} (docs/format.md keeps a copy).
 */
class TemplateGoldenIT {

    static final String A = "tmpl-gold-a";
    static final String B = "tmpl-gold-b-two";
    static final String EV = "tmpl-gold-ev";
    static final List<String[]> TABLE = new ArrayList<>();
    static String[] window;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void containers() throws InterruptedException {
        TestBed.get();
        TestBed.idle(A);
        TestBed.idle(B);
        TestBed.remove(EV);
        Instant t0 = Instant.now();
        TestBed.run(EV, "--label", "role=golden", TestBed.IMAGE, "sleep", "100000");
        TestBed.docker("kill", EV);
        TestBed.docker("rm", EV);
        Instant t1 = Instant.now().plusSeconds(1);
        while (Instant.now().isBefore(t1.plusMillis(200))) {
            Thread.sleep(Duration.between(Instant.now(), t1.plusMillis(200)).toMillis() + 1); // T1 is a time, not a condition
        }
        window = new String[] {stamp(t0), stamp(t1)};
    }

    static String stamp(Instant t) {
        return String.format("%d.%09d", t.getEpochSecond(), t.getNano());
    }

    @AfterAll
    static void cleanupAndTable() throws IOException {
        TestBed.remove(A, B);
        StringBuilder md = new StringBuilder("| command | template | docker | dockstat | equal |\n|---|---|---|---|---|\n");
        for (String[] row : TABLE) {
            md.append("| ").append(cell(row[0])).append(" | ").append(cell(row[1])).append(" | ").append(cell(row[2]))
                    .append(" | ").append(cell(row[3])).append(" | ").append(row[4]).append(" |\n");
        }
        long equal = TABLE.stream().filter(r -> r[4].equals("yes")).count();
        md.append("\n").append(equal).append(" of ").append(TABLE.size()).append(" equal\n");
        Files.writeString(Path.of("target/template-golden.md"), md.toString(), StandardCharsets.UTF_8);
    }

    static String cell(String s) {
        String shown = s.length() > 300 ? s.substring(0, 300) + "…" : s;
        return "`" + shown.replace("|", "\\|").replace("\n", "⏎").replace("\t", "⇥").replace("`", "'") + "`";
    }

    static Result docker(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(args);
        try {
            Path err = Files.createTempFile("tmpl", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Result dockstat(List<String> args) {
        InProcess r = InProcess.run(args.toArray(String[]::new));
        return new Result(r.code(), r.out(), r.err());
    }

    /** From "template: " on: the part of an error both CLIs take from Go's text/template. */
    static String goMessage(String stderr) {
        int at = stderr.indexOf("template: ");
        return at < 0 ? stderr.strip() : stderr.substring(at).strip();
    }

    /** An output: equal to docker's run just before or just after (figures that move get 8 tries). */
    static void output(String command, String template, List<String> dockerArgs, List<String> ourArgs) {
        Result before = null;
        Result ours = null;
        Result after = null;
        boolean equal = false;
        for (int attempt = 0; attempt < 8 && !equal; attempt++) {
            before = docker(dockerArgs);
            ours = dockstat(ourArgs);
            equal = ours.code() == 0 && before.code() == 0 && ours.out().equals(before.out());
            if (!equal) {
                after = docker(dockerArgs); // the figures may have moved while dockstat ran
                equal = ours.code() == 0 && after.code() == 0 && ours.out().equals(after.out());
            }
        }
        Result theirs = equal && after != null && ours.out().equals(after.out()) ? after : before;
        TABLE.add(new String[] {command, template, theirs.out(), ours.code() == 0 ? ours.out() : "exit " + ours.code() + ": " + ours.err(),
                equal ? "yes" : "no"});
        assertEquals(0, theirs.code(), "docker " + dockerArgs + ": " + theirs.err());
        assertEquals(theirs.out(), ours.out(), command + " " + template + " (stderr: " + ours.err() + ")");
    }

    /** A refused template: Go's message the same, dockstat's exit code as said above. */
    static void error(String command, String template, List<String> dockerArgs, List<String> ourArgs, int ourCode) {
        Result theirs = docker(dockerArgs);
        Result ours = dockstat(ourArgs);
        boolean equal = theirs.code() != 0 && goMessage(theirs.err()).equals(goMessage(ours.err())) && ours.code() == ourCode
                && ours.out().isEmpty() && ours.err().strip().lines().count() == 1;
        TABLE.add(new String[] {command, template, "exit " + theirs.code() + ": " + theirs.err().strip(),
                "exit " + ours.code() + ": " + ours.err().strip(), equal ? "yes" : "no"});
        assertEquals(goMessage(theirs.err()), goMessage(ours.err()), template);
        assertEquals(ourCode, ours.code(), template + ": " + ours.err());
        assertEquals("", ours.out(), template);
        assertEquals(1, ours.err().strip().lines().count(), "one line: " + ours.err());
    }

    static List<String> stats(String template) {
        return List.of("stats", "--no-stream", "--format", template, A, B);
    }

    static List<String> df(String template) {
        return List.of("system", "df", "--format", template);
    }

    static List<String> events(String template) {
        return List.of("events", "--since", window[0], "--until", window[1], "--filter", "container=" + EV, "--format", template);
    }

    static List<String> ours(List<String> docker) {
        List<String> args = new ArrayList<>(docker);
        if (args.get(0).equals("system")) {
            args.remove(0);
        }
        return args;
    }

    static final List<String> STATS = List.of(
            "{{.Name}}",
            "{{upper .Name}} {{lower \"ABC\"}} {{title .Name}}",
            "table {{.Name}}\\t{{.ID}}",
            "table {{upper .Name}}\\t{{printf \"%-20s|\" .ID}}\\t{{join (split .Name \"-\") \"+\"}}",
            "{{printf \"%-20s\" .Name}}|{{printf \"%5.1f%%\" 12.345}}|{{printf \"%x %q %v %d\" .Name .Name 1.5 42}}",
            "{{range $i, $p := split .Name \"-\"}}{{if $i}},{{end}}{{$i}}:{{$p}}{{end}}",
            "{{if eq .Name \"" + A + "\"}}A{{else if eq .Name \"x\"}}X{{else}}other{{end}}",
            "{{truncate .ID 5}} [{{pad .Name 2 3}}] {{truncate .Name 100}}",
            "{{json .}}",
            "json",
            "table",
            "{{with $n := .Name}}{{$n}}{{end}} {{len .Name}} {{index .Name 0}} {{slice .Name 0 4}}",
            "{{- .Name -}}   {{/* a comment */}} x",
            "{{.Name | printf \"%s!\" | printf \"%q\"}}",
            "{{and .Name .ID}} {{or \"\" .Name}} {{not .Name}} {{ne .Name \"x\"}} {{lt 1 2}} {{ge 2.5 2.5}} {{eq .Name \"a\" \"" + B + "\"}}",
            "{{range split .Name \"-\"}}{{if eq . \"gold\"}}{{continue}}{{end}}{{if eq . \"b\"}}{{break}}{{end}}<{{.}}>{{end}}",
            "table {{json .Name}}\\t{{.Container}}",
            "table {{.Name}}\\t{{json .}}",
            "{{printf \"%T %T %T %T\" .Name 1 (split .Name \"-\") 2.5}}",
            "{{html \"<a href='x'>\"}} {{js \"it's <b>\"}} {{urlquery \"a b&c\"}} {{print 1 2 \"x\" 3}} {{println .Name}}",
            "{{define \"n\"}}[{{.}}]{{end}}{{template \"n\" .Name}}",
            "{{$x := 1}}{{range split .Name \"-\"}}{{$x = 2}}{{end}}{{$x}}",
            "table {{pad .Name 1 1}}\\t{{truncate .ID 4}}\\t{{lower .Name}}",
            "{{.Container}} {{.PIDs}} {{.NetIO}} {{.BlockIO}}",
            "{{printf \"%5d|%-5d|%05d|%+d|%x|%X|%o|%b|%c|%U|%#x\" 42 42 42 42 255 255 8 5 65 65 255}}",
            "{{printf \"%e|%E|%.3g|%g|%8.3f|%-8.2f|%t|%v|%g|%v\" 123456.789 0.000123 3.14159 1e21 3.14159 2.5 true nil 100000.0 1e6}}",
            "{{printf \"%s %d\" \"a\"}}|{{printf \"%d\" .Name}}|{{printf \"%s\" \"a\" 1}}|{{printf \"%z\" 3}}",
            "{{range $i, $e := split .Name \"\"}}{{if lt $i 3}}{{$e}}{{end}}{{end}} {{index (split .Name \"-\") 1}}",
            "{{if and (gt (len .Name) 5) (ne .ID \"\")}}long{{end}} {{.Name | len | printf \"%03d\"}}",
            "{{`raw\\t` }} {{'a'}} {{0x1F}} {{1e3}} {{-7}} {{true}}",
            "table {{.ID}}\\n{{.Name}}",
            "{{.Name | }}",
            "{{printf \"%.2f%%|%x|%T|%08.3f|% d|%+q|%6.2v|%-8q|%+.1e\" 1 3.5 (index .Name 1) -3.14159 5 \"é\" 3.14159 \"a\" 12345.678}}");

    @Test
    void stats() {
        for (String t : STATS) {
            output("stats", t, stats(t), stats(t));
        }
    }

    @Test
    void statsErrors() {
        error("stats", "{{.Nope}}", stats("{{.Nope}}"), stats("{{.Nope}}"), 2);
        error("stats", "{{nope .Name}}", stats("{{nope .Name}}"), stats("{{nope .Name}}"), 2);
        error("stats", "{{.Name.Foo}}", stats("{{.Name.Foo}}"), stats("{{.Name.Foo}}"), 2);
        error("stats", "{{if .Name}}", stats("{{if .Name}}"), stats("{{if .Name}}"), 2);
        error("stats", "{{upper 3}}", stats("{{upper 3}}"), stats("{{upper 3}}"), 2);
        error("stats", "{{.Name \"x\"}}", stats("{{.Name \"x\"}}"), stats("{{.Name \"x\"}}"), 2);
        error("stats", "{{index .Name 99}}", stats("{{index .Name 99}}"), stats("{{index .Name 99}}"), 1);
        error("stats", "{{range .Name}}{{end}}", stats("{{range .Name}}{{end}}"), stats("{{range .Name}}{{end}}"), 1);
        error("stats", "{{end}}", stats("{{end}}"), stats("{{end}}"), 2);
        error("stats", "{{$x}}", stats("{{$x}}"), stats("{{$x}}"), 2);
        error("stats", "{{\"unclosed}}", stats("{{\"unclosed}}"), stats("{{\"unclosed}}"), 2);
        error("stats", "{{$x:=1}}{{$x=2}}", stats("{{$x:=1}}{{$x=2}}"), stats("{{$x:=1}}{{$x=2}}"), 2);
        error("stats", "{{ /*x*/}}", stats("{{ /*x*/}}"), stats("{{ /*x*/}}"), 2);
    }

    static final List<String> DF = List.of(
            "{{.Type}}",
            "table {{.Type}}\\t{{upper .Type}}",
            "{{json .}}",
            "table {{.Type}}\\t{{json .}}",
            "{{printf \"%-15s|\" .Type}}{{len .Type}}",
            "table {{lower .Type}}\\t{{.Active}}",
            "table",
            "json",
            "{{if eq .Type \"Images\"}}first{{else}}{{.Type}}{{end}}");

    @Test
    void df() {
        for (String t : DF) {
            output("df", t, df(t), ours(df(t)));
        }
        error("df", "{{.Nope}}", df("{{.Nope}}"), ours(df("{{.Nope}}")), 2);
        error("df", "{{title}}", df("{{title}}"), ours(df("{{title}}")), 2);
    }

    static final List<String> EVENTS = List.of(
            "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}",
            "{{json .}}",
            "json",
            "{{upper (printf \"%s\" .Action)}} {{printf \"%-10s|\" .Type}} {{.Time}} {{slice .Action 0 0}}{{len .Type}}",
            "{{range $k, $v := .Actor.Attributes}}{{$k}}={{$v}};{{end}}",
            "{{if eq .Action \"create\"}}C{{else}}{{.Action}}{{end}}",
            "a\\tb {{.Type}}",
            "{{printf \"%d %v %T\" .TimeNano .Time .Time}}",
            "{{index .Actor.Attributes \"name\"}} {{len .Actor.Attributes}} {{.Actor.Attributes.nope}}",
            "{{.Actor}}",
            "{{json .Actor}} {{json .Actor.Attributes.role}}",
            "{{with .Actor.Attributes.role}}role={{.}}{{else}}none{{end}}");

    @Test
    void events() {
        for (String t : EVENTS) {
            output("events", t, events(t), events(t));
        }
        error("events", "{{.Nope}}", events("{{.Nope}}"), events("{{.Nope}}"), 2);
        error("events", "{{nope}}", events("{{nope}}"), events("{{nope}}"), 2);
        error("events", "{{upper .Actor.Attributes.name}}", events("{{upper .Actor.Attributes.name}}"),
                events("{{upper .Actor.Attributes.name}}"), 2);
        error("events", "{{.Actor.ID.X}}", events("{{.Actor.ID.X}}"), events("{{.Actor.ID.X}}"), 2);
        error("events", "{{upper .Action}}", events("{{upper .Action}}"), events("{{upper .Action}}"), 2);
    }
}
