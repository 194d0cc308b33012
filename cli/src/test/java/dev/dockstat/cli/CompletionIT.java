package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bash completion script, run by bash as TAB would, completes commands, options and running container names. */
class CompletionIT {

    static final String NAME = "dst-cli-complete-me";

    @BeforeAll
    static void container() {
        TestBed.get();
        TestBed.idle(NAME);
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(NAME);
    }

    /** COMPREPLY for the words typed so far (the last one being completed). */
    static String complete(String... words) {
        String bin = Launched.LAUNCHER.getParent().toString();
        String script = "export PATH=" + bin + ":$PATH; source <(dockstat completion bash); COMP_WORDS=(" + String.join(" ", words)
                + "); COMP_CWORD=" + (words.length - 1) + "; _complete_dockstat; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return TestBed.exec(List.of("bash", "--norc", "-c", script), Duration.ofSeconds(60));
    }

    @Test
    void commandsOptionsAndContainerNames() {
        assertTrue(complete("dockstat", "st").contains("stats"));
        assertTrue(complete("dockstat", "stats", "--no-").contains("--no-stream"));
        String names = complete("dockstat", "stats", "dst-cli-complete");
        assertTrue(names.strip().equals(NAME), names);
    }

    @Test
    void containerNamesComeFromTheEngineTheLineNames() {
        String socket = TestBed.get().socketUri();
        assertTrue(complete("dockstat", "stats", "-H", socket, "dst-cli-complete").strip().equals(NAME));
        assertTrue(complete("dockstat", "stats", "--host=" + socket, "dst-cli-complete").strip().equals(NAME));
        String none = complete("dockstat", "stats", "-H", "unix:///tmp/dst-no-engine.sock", "dst-cli-complete");
        assertTrue(none.isBlank(), "an engine that does not answer gives no names: " + none);
    }
}
