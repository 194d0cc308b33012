package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every command promises without an engine: help with an example, usage errors exit 2 in one line, completion. */
class CommandsTest {

    static InProcess run(String... args) {
        return InProcess.run(Map.of("DOCKER_HOST", "unix:///nonexistent.sock"), args);
    }

    @Test
    void everyCommandsHelpShowsAnExample() {
        for (String command : List.of("stats", "events", "df", "completion", "version")) {
            InProcess r = run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("Example"), command + ":\n" + r.out());
            assertTrue(r.out().contains("dockstat " + command), command);
        }
        assertTrue(run("--help").out().contains("Examples:"));
    }

    @Test
    void hiddenCommandsStayOutOfHelp() {
        String help = run("--help").out();
        assertTrue(help.contains("completion") && help.contains("events") && help.contains("df"), help);
        assertTrue(!help.contains("__complete") && !help.contains("__train") && !help.contains("__man"), help);
    }

    @Test
    void usageErrorsAreOneLinePlusAHintAndExitTwo() {
        for (String[] args : List.of(new String[] {"events", "--since", "10q"}, new String[] {"events", "--filter", "colour=red"},
                new String[] {"events", "--format", "{{.Nope}}"}, new String[] {"df", "-v", "--format", "{{.Type}}"},
                new String[] {"df", "--format", "{{.Nope}}"}, new String[] {"stats", "--format", "{{.Nope}}"},
                new String[] {"stats", "--bogus"}, new String[] {"completion", "tcsh"}, new String[] {"nope"})) {
            InProcess r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("Error: "), r.err());
            assertTrue(r.err().strip().lines().count() <= 2, r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void anEngineThatIsNotThereIsOneLineAndExitOne() {
        for (String[] args : List.of(new String[] {"df"}, new String[] {"df", "-v"}, new String[] {"events"},
                new String[] {"events", "--until", "0s"}, new String[] {"stats"}, new String[] {"stats", "--no-stream"})) {
            InProcess r = run(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals("Cannot connect to the Docker engine at unix:///nonexistent.sock: socket not found (is the engine running?)",
                    r.err().strip(), String.join(" ", args));
        }
    }

    @Test
    void completionScriptCompletesContainerNamesForStats() {
        InProcess bash = run("completion", "bash");
        assertEquals(0, bash.code());
        int stats = bash.out().indexOf("function _picocli_dockstat_stats()");
        int next = bash.out().indexOf("\n}\n", stats);
        assertTrue(bash.out().substring(stats, next).contains("$(dockstat __complete \"${engine_args[@]}\" containers 2>/dev/null)"));
        assertTrue(bash.out().contains("complete -F _complete_dockstat"));
        assertTrue(!bash.out().contains("__train"), "hidden commands do not complete");
        assertEquals(bash.out(), run("completion", "zsh").out(), "zsh sources the same script through bashcompinit");
    }

    @Test
    void fishCompletionFromTheModel() {
        InProcess fish = run("completion", "fish");
        assertEquals(0, fish.code(), fish.err());
        String out = fish.out();
        assertTrue(out.contains("complete -c dockstat -n __fish_use_subcommand -a stats -d "), out);
        assertTrue(out.contains("complete -c dockstat -n __fish_use_subcommand -a version -d "), out);
        assertTrue(out.contains("complete -c dockstat -n '__fish_seen_subcommand_from stats' -s a -l all -d "), out);
        assertTrue(out.contains("complete -c dockstat -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n"), out);
        assertTrue(out.contains("__complete (commandline -opc"), "container names after stats: " + out);
        assertTrue(!out.contains("__train") && !out.contains("__man"), "hidden commands do not complete");
        for (String line : out.lines().toList()) {
            assertTrue(line.startsWith("#") || line.startsWith("complete -c dockstat "), line);
        }
    }

    @Test
    void manPagesFromTheModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        InProcess r = run("__man", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String page : List.of("dockstat.1", "dockstat-stats.1", "dockstat-events.1", "dockstat-df.1", "dockstat-run.1",
                "dockstat-serve-metrics.1", "dockstat-serve-ipc.1", "dockstat-version.1", "dockstat-completion.1")) {
            String roff = java.nio.file.Files.readString(dir.resolve(page));
            assertTrue(roff.startsWith(".TH \"" + page.replace(".1", "").toUpperCase(java.util.Locale.ROOT) + "\" \"1\" "), roff);
            for (String section : List.of(".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH OPTIONS\n")) {
                assertTrue(roff.contains(section), page + " lacks " + section);
            }
            for (String line : roff.lines().toList()) {
                assertTrue(!line.startsWith(".") || line.matches("^\\.(TH|SH|TP|PP|nf|fi) ?.*"), page + ": stray request: " + line);
            }
        }
        String stats = java.nio.file.Files.readString(dir.resolve("dockstat-stats.1"));
        assertTrue(stats.contains("\\fB\\-a\\fR, \\fB\\-\\-all\\fR"), stats);
        assertTrue(stats.contains(".SH EXAMPLES\n"), stats);
        assertTrue(!java.nio.file.Files.exists(dir.resolve("dockstat-__train.1")));
    }
}
