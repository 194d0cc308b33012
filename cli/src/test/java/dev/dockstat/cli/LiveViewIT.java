package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * The live view on a real terminal: tmux (a server of its own) runs the packaged dockstat in a
 * 120x30 pane; keys go in with send-keys and the screen comes back with capture-pane. Sorting,
 * resizing and quitting are checked on the screen, and the terminal's modes must be what they were
 * before. The captures are kept in target/live-view/ (docs/commands.md shows one).
 */
class LiveViewIT {

    static final String IDLE = "dst-cli-live-a-idle";
    static final String BURN = "dst-cli-live-b-burn";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Path CAPTURES = Path.of("target/live-view");
    /** A tmux server of the test's own, on a socket it removes afterwards. */
    static final Path SERVER = Path.of(System.getProperty("java.io.tmpdir"), "dst-cli-live-" + ProcessHandle.current().pid() + ".tmux");
    static final String PANE = "live";

    @BeforeAll
    static void containers() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")) || Files.isExecutable(Path.of("/usr/local/bin/tmux")), "tmux");
        TestBed.get();
        TestBed.idle(IDLE);
        TestBed.burner(BURN, "0.5");
        Files.createDirectories(CAPTURES);
    }

    @AfterAll
    static void cleanup() {
        try {
            tmux("kill-server");
        } catch (IllegalStateException gone) {
            // not started or already gone
        }
        try {
            Files.deleteIfExists(SERVER);
        } catch (java.io.IOException ignored) {
            // a socket tmux already removed
        }
        TestBed.remove(IDLE, BURN);
    }

    static String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", SERVER.toString()));
        cmd.addAll(List.of(args));
        return TestBed.exec(cmd, Duration.ofSeconds(10));
    }

    static String screen() {
        return tmux("capture-pane", "-p", "-t", PANE);
    }

    static String awaitScreen(String what, java.util.function.Predicate<String> condition) {
        String[] last = {""};
        Launched.poll(WAIT, () -> condition.test(last[0] = screen()), () -> what + "; screen:\n" + last[0]);
        return last[0];
    }

    static void save(String name, String capture) throws Exception {
        Files.writeString(CAPTURES.resolve(name), capture);
    }

    /** {@code stty -a} without the window size, which the test changed on purpose. */
    static String modes(String stty) {
        return stty.replaceAll("rows \\d+; columns \\d+; ", "");
    }

    static int line(String screen, String text) {
        List<String> lines = screen.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** Starts dockstat stats in a fresh 120x30 pane; the shell records stty before and after, and stderr. */
    static Path startView() throws Exception {
        Path work = Files.createTempDirectory("dst-cli-live");
        String shell = "cd " + work + "; PS1='$ '; stty -a > before.txt; clear; "
                + Launched.LAUNCHER + " stats " + IDLE + " " + BURN + " 2> err.txt; echo exit=$?; stty -a > after.txt; echo DONE";
        tmux("new-session", "-d", "-s", PANE, "-x", "120", "-y", "30", "bash --norc --noprofile");
        tmux("send-keys", "-t", PANE, shell, "Enter");
        return work;
    }

    @Test
    void ctrlCQuitsAndRestoresTheTerminalToo() throws Exception {
        Path work = startView();
        try {
            awaitScreen("the view", s -> s.contains("sorted by CPU") && s.contains(BURN));
            tmux("send-keys", "-t", PANE, "C-c");
            String after = awaitScreen("the shell back", s -> s.contains("DONE"));
            assertTrue(after.contains("exit=0"), after);
            assertEquals(modes(Files.readString(work.resolve("before.txt"))), modes(Files.readString(work.resolve("after.txt"))));
            assertEquals("", Files.readString(work.resolve("err.txt")));
        } finally {
            tmux("kill-session", "-t", PANE);
            TestBed.exec(List.of("rm", "-rf", work.toString()), Duration.ofSeconds(10));
        }
    }

    @Test
    void sortsResizesAndQuitsRestoringTheTerminal() throws Exception {
        Path work = startView();

        String cpu = awaitScreen("both containers with figures, sorted by CPU", s -> s.contains("sorted by CPU")
                && s.contains(BURN) && s.contains(IDLE) && line(s, BURN) >= 0 && line(s, BURN) < line(s, IDLE)
                && s.lines().anyMatch(l -> l.contains(BURN) && l.matches(".*[▂▃▄▅▆▇█].*"))); // the burner's history is drawn
        save("1-sorted-by-cpu.txt", cpu);
        assertTrue(cpu.contains("CPU HISTORY"), cpu);

        tmux("send-keys", "-t", PANE, "n");
        String name = awaitScreen("sorted by name", s -> s.contains("sorted by NAME") && line(s, IDLE) >= 0 && line(s, IDLE) < line(s, BURN));
        save("2-sorted-by-name.txt", name);

        tmux("resize-window", "-t", PANE, "-x", "72", "-y", "12");
        String small = awaitScreen("redrawn for 72x12: the clock back at the right edge", s -> s.lines().findFirst()
                .filter(title -> title.contains("sorted by NAME") && title.matches(".*\\d\\d:\\d\\d:\\d\\d\\s*")).isPresent()
                && s.contains(BURN) && s.lines().anyMatch(l -> l.contains("q quit")));
        save("3-resized-72x12.txt", small);

        tmux("send-keys", "-t", PANE, "q");
        String after = awaitScreen("the shell back", s -> s.contains("DONE"));
        save("4-after-quit.txt", after);
        assertTrue(after.contains("exit=0"), after);
        assertFalse(after.contains("sorted by"), "the alternate screen is gone:\n" + after);
        assertEquals(modes(Files.readString(work.resolve("before.txt"))), modes(Files.readString(work.resolve("after.txt"))),
                "terminal modes (and line speed) restored");
        assertEquals("", Files.readString(work.resolve("err.txt")), "no warnings from the terminal setup");
        tmux("kill-session", "-t", PANE);
        TestBed.exec(List.of("rm", "-rf", work.toString()), Duration.ofSeconds(10));
    }
}
