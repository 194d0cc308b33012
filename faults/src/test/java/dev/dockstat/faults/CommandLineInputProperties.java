package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.cli.Dockstat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Malformed plan files and command lines: every refusal is located (a plan problem as
 * {@code FILE:LINE:COL: message}, a flag as the option's name) and none is a stack trace. Commands
 * that could reach an engine are pointed at a socket where there is none, so a line that happens to
 * be valid ends quickly too.
 */
class CommandLineInputProperties {

    private static final Path EXAMPLE = Path.of("..", "examples", "plan.yaml");
    private static final String NOWHERE = "unix:///tmp/dst-fa-nowhere.sock";
    private static final Pattern STACK = Pattern.compile("\\tat |Exception\\b|Exception:|\\.java:\\d+\\)");
    private static final AtomicLong PLANS = new AtomicLong();
    private static final AtomicLong LINES = new AtomicLong();

    record Run(int code, String out, String err) {}

    static Run dockstat(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("DOCKSTAT_"));
        env.put("DOCKER_HOST", NOWHERE);
        int code = Dockstat.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new Run(code, out.toString(), err.toString());
    }

    @AfterContainer
    static void report() {
        String line = "[faults] command-line fuzz: " + PLANS.get() + " mutated plan and environments files and " + LINES.get()
                + " random command lines, every refusal located, no stack trace";
        System.out.println(line);
        Captured.keep("cli-fuzz", line);
    }

    /** Runs dockstat with {@code text} in a file ({@code args} name it as {@code FILE}); no stack trace, whatever the text. */
    private static Run withFile(String text, String... args) throws IOException {
        PLANS.incrementAndGet();
        Path file = Files.createTempFile("dst-fa-file", ".yaml");
        try {
            Files.writeString(file, text);
            Run run = dockstat(java.util.Arrays.stream(args).map(a -> a.equals("FILE") ? file.toString() : a).toArray(String[]::new));
            Captured.keep("cli-fuzz", run.err());
            assertFalse(STACK.matcher(run.out() + run.err()).find(), "no stack trace:\n" + run.err() + "\nfor the file:\n" + text);
            return new Run(run.code(), run.out(), run.err().replace(file.toString(), "FILE"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 600)
    void aMalformedPlanIsRefusedWithLocatedProblems(@ForAll("mutatedPlans") String plan) throws IOException {
        Run run = withFile(plan, "run", "--check", "FILE");
        assertTrue(run.code() == 0 || run.code() == 2, "exit 0 or 2, got " + run.code() + ":\n" + run.err());
        if (run.code() == 2) {
            for (String line : run.err().lines().toList()) {
                assertTrue(line.matches("FILE:\\d+:\\d+: .+") || line.matches("\\d+ problems? in FILE; nothing was run\\."),
                        "a located problem: " + line + "\nall:\n" + run.err() + "\nfor the plan:\n" + plan);
            }
        }
    }

    /** An environments file with every kind of entry (docs/configuration.md's), all pointing nowhere. */
    private static final String ENVIRONMENTS = """
            environments:
              local:
                host: unix:///tmp/dst-fa-nowhere.sock
              prod:                                  # mTLS
                host: tcp://127.0.0.1:9
                tls:
                  ca: certs/prod/ca.pem
                  cert: certs/prod/cert.pem
                  key: {file: ~/.secrets/prod-key.pem}
                  serverName: prod.internal
                statsConcurrency: 32
              edge:
                host: tcp://127.0.0.1:9
                token: {env: EDGE_HAWSER_TOKEN}
              lab:
                host: tcp://127.0.0.1:9
                tls: {skipVerify: true}
            """;

    @Property(tries = 400)
    void aMalformedEnvironmentsFileIsRefusedWithLocatedProblems(@ForAll("mutatedEnvironments") String text) throws IOException {
        Run run = withFile(text, "df", "--config", "FILE", "--env", "local");
        assertTrue(run.code() == 1 || run.code() == 2, "exit 1 (nothing there) or 2, got " + run.code() + ":\n" + run.err());
        if (run.code() == 2 && run.err().contains("FILE")) {
            // at a place in the file, or about the file as a whole (e.g. the environment asked for is not in it)
            assertTrue(run.err().lines().findFirst().orElse("").matches("Error: FILE(:\\d+:\\d+)?: .+"),
                    "located:\n" + run.err() + "\nfor the file:\n" + text);
        }
    }

    @Provide
    Arbitrary<String> mutatedEnvironments() {
        return mutated(ENVIRONMENTS);
    }

    @Provide
    Arbitrary<String> mutatedPlans() {
        try {
            return mutated(Files.readString(EXAMPLE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text with 1-4 random edits: a range deleted, junk inserted, a line re-indented, the end cut off. */
    private static Arbitrary<String> mutated(String example) {
        Arbitrary<String> junk = Arbitraries.strings().withChars(":{}[]-#&*!|>'\"%@\t\n ,?=~.0123456789abcdefxyz\\").ofMinLength(1).ofMaxLength(12);
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, example.length()), Arbitraries.integers().between(1, 40))
                        .as((at, n) -> (Mutation) text -> text.substring(0, Math.min(at, text.length()))
                                + text.substring(Math.min(text.length(), at + n))),
                Combinators.combine(Arbitraries.integers().between(0, example.length()), junk)
                        .as((at, s) -> (Mutation) text -> text.substring(0, Math.min(at, text.length())) + s
                                + text.substring(Math.min(at, text.length()))),
                Arbitraries.integers().between(0, 60).map(n -> (Mutation) text -> {
                    List<String> lines = new ArrayList<>(text.lines().toList());
                    int i = n % Math.max(1, lines.size());
                    if (!lines.isEmpty()) {
                        lines.set(i, (n % 2 == 0 ? "  " : "") + lines.get(i).stripLeading());
                    }
                    return String.join("\n", lines);
                }),
                Arbitraries.integers().between(0, example.length()).map(at -> (Mutation) text -> text.substring(0, Math.min(at, text.length()))));
        return mutation.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            String text = example;
            for (Mutation m : ms) {
                text = m.apply(text);
            }
            return text;
        });
    }

    @FunctionalInterface
    interface Mutation {
        String apply(String text);
    }

    @Property(tries = 600)
    void aBadCommandLineIsRefusedInOneLineWithoutAStackTrace(@ForAll("commandLines") List<String> args) {
        LINES.incrementAndGet();
        Run run = dockstat(args.toArray(String[]::new));
        Captured.keep("cli-fuzz", run.err());
        assertFalse(STACK.matcher(run.out() + run.err()).find(), "no stack trace for " + args + ":\n" + run.err());
        assertTrue(run.code() >= 0 && run.code() <= 3, "exit code " + run.code() + " for " + args);
        if (run.code() == 2) {
            assertTrue(run.err().startsWith("Error: ") || run.err().contains(": "), "a usage error says what: " + args + "\n" + run.err());
        }
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("", "-1", "0", "1e400", "10m", "1h30", "2026-13-40T99:99:99Z", "{{.Nope", "{{json .}}", "{{range .}}",
                        "table {{.Name}}", "json", "type=", "=x", "event=die", "nonsense", "unix://", "tcp://", "tcp://:99999",
                        "ssh://127.0.0.1:1", "\u0000", "../nowhere.yaml", "x".repeat(3000)), // loopback: an ssh:// host name would go to DNS
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> option = Arbitraries.of("--since", "--until", "--filter", "--format", "-H", "--host", "--context", "--env",
                "--config", "--no-stream", "--all", "--no-trunc", "--interval", "--listen", "--check", "--quiet", "-v", "--bogus", "-Z");
        Arbitrary<String> command = Arbitraries.of("stats", "events", "df", "run", "completion", "nonsense", "");
        Arbitrary<List<String>> words = Arbitraries.oneOf(option, value).list().ofMaxSize(6);
        return Combinators.combine(command, words).as((c, w) -> {
            List<String> args = new ArrayList<>();
            if (!c.isEmpty()) {
                args.add(c);
            }
            args.addAll(w);
            if (c.equals("stats")) {
                args.add("--no-stream"); // streaming stats would run until stopped
            }
            if (c.equals("run") && !args.contains("--check")) {
                args.add("--check"); // a valid plan would collect for its duration
            }
            if (!args.contains("--listen") && args.stream().noneMatch(a -> a.startsWith("serve"))) {
                return args;
            }
            return List.of("stats", "--bogus");
        });
    }
}
