package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker's global options before the command as well as after it ({@code dockstat -H HOST stats}),
 * the usage for {@code dockstat} alone, and "did you mean" for a mistyped command or option. The
 * engines named here refuse connections, so which engine was chosen shows in the error line.
 */
class GlobalOptionsTest {

    static final String CLOSED = "tcp://127.0.0.1:1";
    static final String REFUSED = "Cannot connect to the Docker engine at tcp://127.0.0.1:1: connection refused";

    static InProcess run(Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(InProcess.cleanEnv(java.nio.file.Path.of("/nonexistent-dockstat-home")));
        all.putAll(env);
        return InProcess.run(all, args);
    }

    static InProcess run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void hostBeforeTheCommandIsTheSameAsAfterIt() {
        for (List<String> args : List.of(List.of("-H", CLOSED, "stats", "--no-stream"), List.of("stats", "--no-stream", "-H", CLOSED),
                List.of("--host", CLOSED, "df"), List.of("--host=" + CLOSED, "events", "--until", "0s"), List.of("-H" + CLOSED, "df", "-v"))) {
            InProcess r = run(args.toArray(String[]::new));
            assertEquals(1, r.code(), args + ": " + r.err());
            assertEquals(REFUSED, r.err().strip(), args.toString());
        }
    }

    @Test
    void hostsBeforeAndAfterAreSeveralEngines() {
        InProcess r = run("-H", CLOSED, "stats", "--no-stream", "-H", "tcp://127.0.0.1:2");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("127.0.0.1:1") && r.err().contains("127.0.0.1:2"), r.err());
    }

    @Test
    void contextBeforeTheCommand() {
        // the context "default" is DOCKER_HOST: the closed port proves the context was the one read
        for (List<String> args : List.of(List.of("--context", "default", "df"), List.of("-c", "default", "df"), List.of("df", "--context", "default"))) {
            InProcess r = run(Map.of("DOCKER_HOST", CLOSED), args.toArray(String[]::new));
            assertEquals(1, r.code(), args + ": " + r.err());
            assertEquals("Cannot connect to the Docker engine at tcp://127.0.0.1:1 (environment default): connection refused",
                    r.err().strip(), args.toString());
        }
        InProcess missing = run(Map.of("DOCKER_HOST", CLOSED), "--context", "nope-dockstat", "stats", "--no-stream");
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("nope-dockstat"), missing.err());
    }

    @Test
    void hostWithContextIsOneLineAndExitTwoWhereverEachIsTyped() {
        for (List<String> args : List.of(List.of("-H", CLOSED, "--context", "default", "df"), List.of("-H", CLOSED, "df", "--context", "default"),
                List.of("--context", "default", "stats", "-H", CLOSED), List.of("df", "-H", CLOSED, "-c", "default"))) {
            InProcess r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertEquals("Error: conflicting options: cannot specify both --host and --context", r.err().strip(), args.toString());
        }
    }

    @Test
    void configBeforeTheCommandNamesTheEnvironmentsFile() {
        InProcess r = run("--config", "/nonexistent-dockstat.yaml", "--env", "prod", "df");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("Error: ") && r.err().contains("/nonexistent-dockstat.yaml"), r.err());
        assertEquals(r.err(), run("df", "--config", "/nonexistent-dockstat.yaml", "--env", "prod").err());
    }

    @Test
    void everyMistakeInTheEnvironmentsFileIsAnErrorLineOfItsOwn(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("environments.yaml");
        Files.writeString(config, "environments:\n  prod:\n    host: tcp://127.0.0.1:1\n    token: s3cret\n    tls: {skipverify: true}\n");
        InProcess r = run("--config", config.toString(), "--env", "prod", "df");
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of(
                "Error: " + config + ":5:11: unknown key 'skipverify' (did you mean 'skipVerify'?)",
                "Error: " + config + ":4:12: token: a literal token is not allowed here: use {env: VAR} or {file: PATH}"), r.err().lines().toList());
    }

    @Test
    void engineOptionsBeforeACommandThatTakesNoneAreAnError() {
        InProcess r = run("-H", CLOSED, "run", "plan.yaml");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("Error: 'dockstat run' talks to no engine given on the command line"), r.err());
        assertEquals(0, run("-H", CLOSED, "run", "--help").code(), "help is still help");
    }

    @Test
    void logLevelAndDebugAnywhere() {
        for (List<String> args : List.of(List.of("-l", "debug", "-H", CLOSED, "df"), List.of("-H", CLOSED, "df", "--log-level", "debug"),
                List.of("-D", "-H", CLOSED, "df"), List.of("df", "-D", "-H", CLOSED))) {
            InProcess r = run(args.toArray(String[]::new));
            assertEquals(1, r.code(), args + ": " + r.err());
            assertTrue(r.err().startsWith(REFUSED + "\n") && r.err().contains("\tat "), args + ": a stack trace follows\n" + r.err());
        }
        InProcess info = run("--log-level", "info", "-H", CLOSED, "df");
        assertEquals(REFUSED, info.err().strip(), "no stack trace below debug");
        InProcess bad = run("-l", "verbose", "df");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("Error: Invalid value for option '--log-level': expected one of [debug, info, warn, error, fatal]"), bad.err());
    }

    @Test
    void dockstatAlonePrintsTheUsageAndExitsZero() {
        for (String[] args : List.of(new String[0], new String[] {"-D"})) {
            InProcess r = run(args);
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("Usage: dockstat"), r.out());
            assertTrue(r.out().contains("stats") && r.out().contains("serve-metrics"), "every command is listed:\n" + r.out());
        }
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        assertEquals("Error: unknown command 'stat' for 'dockstat'; did you mean 'stats'?\nSee 'dockstat --help'.\n", run("stat").err());
        assertEquals(2, run("stat").code());
        assertEquals("Error: unknown command 'evnets' for 'dockstat'; did you mean 'events'?\nSee 'dockstat --help'.\n", run("evnets").err());
        assertEquals("Error: Unknown option: '--no-strem'; did you mean '--no-stream'?\nSee 'dockstat stats --help'.\n",
                run("stats", "--no-strem").err());
        assertEquals("Error: Unknown options: '--contxt', 'x'; did you mean '--context'?\nSee 'dockstat --help'.\n",
                run("--contxt", "x", "df").err());
        assertEquals("Error: unknown command 'zzzz' for 'dockstat'\nSee 'dockstat --help'.\n", run("zzzz").err(), "nothing close: no guess");
    }

    @Test
    void theCommandIsFoundAfterTheTopLevelOptions() {
        assertEquals("stats", Dockstat.firstCommand(new String[] {"-H", "tcp://h:1", "-l", "debug", "-D", "stats"}));
        assertEquals("df", Dockstat.firstCommand(new String[] {"--host=tcp://h:1", "-Htcp://h:2", "--context", "x", "df"}));
        assertEquals("--bogus", Dockstat.firstCommand(new String[] {"--bogus", "df"}));
        assertNull(Dockstat.firstCommand(new String[] {"--version"}));
        assertEquals("", Dockstat.firstCommand(new String[] {"-H", "tcp://h:1"}), "no command: the usage lists them all");
    }

    @Test
    void completionOffersTheGlobalOptionsBeforeTheCommand() {
        String script = run("completion", "bash").out();
        int top = script.indexOf("function _picocli_dockstat() {");
        String body = script.substring(top, script.indexOf("\n}\n", top));
        for (String option : List.of("-H", "--host", "-c", "--context", "--config", "--env", "-l", "--log-level", "-D", "--debug")) {
            assertTrue(body.contains("'" + option + "'"), option + " in\n" + body);
        }
        assertTrue(script.contains("-H|--host|-c|--context|--env|--config)"), "container names read the engine from -c too");
    }
}
