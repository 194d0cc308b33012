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
        for (String command : List.of("stats", "events", "df", "completion")) {
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
        assertTrue(!help.contains("__complete") && !help.contains("__train"), help);
    }

    @Test
    void usageErrorsAreOneLinePlusAHintAndExitTwo() {
        for (String[] args : List.of(new String[] {"events", "--since", "10q"}, new String[] {"events", "--filter", "colour=red"},
                new String[] {"events", "--format", "{{.Nope}}"}, new String[] {"df", "-v", "--format", "{{.Type}}"},
                new String[] {"df", "--format", "{{.Nope}}"}, new String[] {"stats", "--format", "{{.Nope}}"},
                new String[] {"stats", "--bogus"}, new String[] {"completion", "fish"}, new String[] {"nope"})) {
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
}
