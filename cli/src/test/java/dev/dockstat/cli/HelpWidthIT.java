package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockstat.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged dockstat's help on a real terminal (tmux, a server of the test's own): as wide as the
 * terminal (asked with stty), as wide as an exported COLUMNS says, and 80 columns into a pipe even
 * on a wide terminal. Each is compared with the in-process rendering at that width.
 */
class HelpWidthIT {

    static final Path SERVER = Path.of(System.getProperty("java.io.tmpdir"), "dst-cli-help-" + ProcessHandle.current().pid() + ".tmux");
    static final String PANE = "help";
    static final String DONE = "__help_done__";

    @BeforeAll
    static void tmuxThere() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")) || Files.isExecutable(Path.of("/usr/local/bin/tmux")), "tmux");
    }

    @AfterAll
    static void cleanup() throws Exception {
        try {
            tmux("kill-server");
        } catch (IllegalStateException gone) {
            // not started or already gone
        }
        Files.deleteIfExists(SERVER);
    }

    static String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", SERVER.toString()));
        cmd.addAll(List.of(args));
        return TestBed.exec(cmd, Duration.ofSeconds(10));
    }

    /** What a terminal {@code columns} wide shows for {@code shell}, up to the line it prints last. */
    static List<String> onTerminal(int columns, String shell) {
        tmux("new-session", "-d", "-s", PANE, "-x", String.valueOf(columns), "-y", "120",
                "sh -c '" + shell + "; echo " + DONE + "; sleep 60'");
        try {
            String[] screen = {""};
            Launched.poll(Duration.ofSeconds(30), () -> (screen[0] = tmux("capture-pane", "-p", "-t", PANE, "-S", "0", "-E", "-")).contains(DONE),
                    () -> "the help on a " + columns + "-column terminal; screen:\n" + screen[0]);
            List<String> lines = screen[0].lines().map(String::stripTrailing).toList();
            return lines.subList(0, lines.indexOf(DONE));
        } finally {
            tmux("kill-session", "-t", PANE);
        }
    }

    static List<String> rendered(int width) {
        return HelpLayoutTest.help(width, List.of("stats", "--help")).lines().map(String::stripTrailing).toList();
    }

    @Test
    void theTerminalsWidth() {
        assertEquals(rendered(160), onTerminal(160, Launched.LAUNCHER + " stats --help"));
    }

    @Test
    void anExportedColumns() {
        assertEquals(rendered(120), onTerminal(160, "COLUMNS=120 " + Launched.LAUNCHER + " stats --help"));
    }

    @Test
    void eightyIntoAPipeOnAWideTerminal() {
        assertEquals(rendered(80), onTerminal(160, Launched.LAUNCHER + " stats --help | cat"));
    }
}
