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
 * pane; keys go in with send-keys and the screen comes back with capture-pane, polled until it shows
 * what the step expects. Sorting, resizing, scrolling 21 containers in a 100x15 pane, the filter,
 * one container's detail, the stopped toggle and quitting are checked on the screen; after q,
 * Ctrl-C, SIGINT, SIGTERM and with a lost engine the terminal's modes must be what they were before,
 * the alternate screen left and the cursor visible. The captures are kept in target/live-view/
 * (docs/commands.md and docs/live-view.md show some).
 */
class LiveViewIT {

    static final String IDLE = "dst-cli-live-a-idle";
    static final String BURN = "dst-cli-live-b-burn";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Path CAPTURES = Path.of("target/live-view");
    /** A tmux server of the test's own, on a socket it removes afterwards. */
    static final Path SERVER = Path.of(System.getProperty("java.io.tmpdir"), "dst-cli-live-" + ProcessHandle.current().pid() + ".tmux");
    static final String PANE = "live";
    /** Enough containers to overflow a 100x15 pane, and a stopped one for the 'a' key. */
    static final List<String> MANY = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("dst-cli-live-n%02d", i)).toList();
    static final String STOPPED = "dst-cli-live-stopped";

    @BeforeAll
    static void containers() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")) || Files.isExecutable(Path.of("/usr/local/bin/tmux")), "tmux");
        TestBed.get();
        TestBed.idle(IDLE);
        TestBed.burner(BURN, "0.5");
        for (String name : MANY) {
            TestBed.idle(name);
        }
        TestBed.run(STOPPED, TestBed.IMAGE, "true");
        TestBed.await(STOPPED + " exited", WAIT, () -> TestBed.docker("inspect", "-f", "{{.State.Status}}", STOPPED).strip().equals("exited"));
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
        TestBed.remove(IDLE, BURN, STOPPED);
        TestBed.remove(MANY.toArray(String[]::new));
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
        return startView(120, 30, "", IDLE + " " + BURN);
    }

    /** Starts {@code ENV dockstat stats ARGS} in a fresh pane of this size. */
    static Path startView(int width, int height, String env, String args) throws Exception {
        Path work = Files.createTempDirectory("dst-cli-live");
        String shell = "cd " + work + "; PS1='$ '; stty -a > before.txt; clear; "
                + env + " " + Launched.LAUNCHER + " stats " + args + " 2> err.txt; echo exit=$?; stty -a > after.txt; echo DONE";
        tmux("new-session", "-d", "-s", PANE, "-x", Integer.toString(width), "-y", Integer.toString(height), "bash --norc --noprofile");
        tmux("send-keys", "-t", PANE, shell, "Enter");
        return work;
    }

    static void keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", PANE));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** A tmux format of the pane, e.g. whether it is on the alternate screen. */
    static String pane(String format) {
        return tmux("display-message", "-p", "-t", PANE, format).strip();
    }

    /** The line of the selection mark, or "" when none. */
    static String selected(String screen) {
        return screen.lines().filter(l -> l.startsWith(">")).findFirst().orElse("");
    }

    /**
     * The shell is back with this exit code and the terminal as it was: the same modes (and line
     * speed), the main screen, a visible cursor, nothing on stderr.
     */
    static String assertRestored(Path work, String exit, String expectedErr) throws Exception {
        String after = awaitScreen("the shell back", s -> s.contains("DONE"));
        assertTrue(after.contains("exit=" + exit), after);
        assertFalse(after.contains("sorted by"), "the alternate screen is gone:\n" + after);
        assertEquals("0", pane("#{alternate_on}"), "the main screen");
        assertEquals("1", pane("#{cursor_flag}"), "the cursor visible");
        assertEquals(modes(Files.readString(work.resolve("before.txt"))), modes(Files.readString(work.resolve("after.txt"))),
                "terminal modes (and line speed) restored");
        String err = Files.readString(work.resolve("err.txt"));
        assertTrue(expectedErr.isEmpty() ? err.isEmpty() : err.contains(expectedErr), "stderr:\n" + err);
        return after;
    }

    static void end(Path work) {
        tmux("kill-session", "-t", PANE);
        TestBed.exec(List.of("rm", "-rf", work.toString()), Duration.ofSeconds(10));
    }

    static String many() {
        return String.join(" ", MANY) + " " + STOPPED;
    }

    @Test
    void scrollsFiltersOpensOneContainerAndTogglesStopped() throws Exception {
        Path work = startView(100, 15, "", BURN + " " + many());
        try {
            awaitScreen("22 containers, more than fit", s -> s.contains("22 containers · 1 stopped shown") && s.contains("rows 1-11 of 22"));
            keys("n");
            String top = awaitScreen("sorted by name, the first selected", s -> s.contains("sorted by NAME") && selected(s).contains(BURN));
            save("5-many-100x15.txt", top);
            assertFalse(top.contains("dst-cli-live-n11"), top);

            keys("NPage");
            String scrolled = awaitScreen("a page down", s -> selected(s).contains("dst-cli-live-n11") && s.contains("rows 2-12 of 22 · 1 above · 10 below"));
            save("6-scrolled.txt", scrolled);
            assertFalse(scrolled.contains(BURN), scrolled);
            keys("End");
            awaitScreen("the end", s -> selected(s).contains(STOPPED) && s.contains("rows 12-22 of 22 · 11 above"));
            keys("Up");
            awaitScreen("up one", s -> selected(s).contains("dst-cli-live-n20"));
            keys("PPage");
            awaitScreen("a page up", s -> selected(s).contains("dst-cli-live-n09") && s.contains("rows 10-20 of 22"));
            keys("Home");
            awaitScreen("home", s -> selected(s).contains(BURN) && s.contains("rows 1-11 of 22"));

            keys("/");
            keys("-l", "n1");
            String typing = awaitScreen("filtered as typed", s -> s.contains("10 of 22 match \"n1\"") && s.contains("/ filter: n1_"));
            assertTrue(typing.contains("dst-cli-live-n19") && !typing.contains("dst-cli-live-n09") && !typing.contains("rows "), typing);
            keys("Enter");
            String filtered = awaitScreen("the filter kept", s -> s.contains("10 of 22 match \"n1\"") && s.contains("q quit"));
            save("7-filtered.txt", filtered);
            assertTrue(selected(filtered).contains("dst-cli-live-n10"), filtered);

            keys("Down", "Enter");
            awaitScreen("the detail of n11", s -> s.contains("dockstat stats · dst-cli-live-n11") && s.contains("Image      " + TestBed.IMAGE)
                    && s.contains("Limits     CPU none · memory none · PIDs none") && s.contains("Engine     default"));
            keys("Escape");
            awaitScreen("back to the filtered list", s -> s.contains("10 of 22 match") && selected(s).contains("dst-cli-live-n11"));
            keys("Escape");
            awaitScreen("the filter cleared", s -> s.contains("22 containers · 1 stopped shown"));

            keys("/");
            keys("-l", "burn");
            keys("Enter");
            awaitScreen("the burner alone", s -> s.contains("1 of 22 match \"burn\"") && selected(s).contains(BURN) && s.contains("q quit"));
            keys("Enter");
            // the CPU figure itself is checked elsewhere; on a busy machine the burner gets less than its half CPU
            String detail = awaitScreen("the burner's detail: its limit and ten points of CPU, some above zero", s -> s.contains("dockstat stats · " + BURN)
                    && s.contains("Status     running since") && s.contains("Limits     CPU 0.50 · memory none · PIDs none")
                    && s.lines().anyMatch(l -> l.startsWith(" CPU ") && l.matches(".*[▁▂▃▄▅▆▇█]{10}") && l.matches(".*[▂▃▄▅▆▇█].*")));
            save("8-one-container.txt", detail);
            assertTrue(detail.contains("Esc back"), detail);
            keys("Escape");
            awaitScreen("back to the list", s -> s.contains("1 of 22 match"));
            keys("Escape");
            awaitScreen("the filter cleared", s -> s.contains("22 containers · 1 stopped shown"));

            keys("a");
            awaitScreen("stopped hidden", s -> s.contains("21 containers · 1 stopped hidden"));
            keys("End");
            String hidden = awaitScreen("the end without the stopped one", s -> selected(s).contains("dst-cli-live-n20"));
            assertFalse(hidden.contains(STOPPED), hidden);
            save("9-stopped-hidden.txt", hidden);
            keys("a");
            awaitScreen("stopped shown again", s -> s.contains("22 containers · 1 stopped shown"));
            keys("End");
            awaitScreen("the stopped one last", s -> selected(s).contains(STOPPED));

            keys("q");
            save("10-after-quit.txt", assertRestored(work, "0", ""));
        } finally {
            end(work);
        }
    }

    @Test
    void noColorDrawsNoAttributes() throws Exception {
        Path work = startView(100, 15, "NO_COLOR=1", many());
        try {
            awaitScreen("the view", s -> s.contains("rows 1-11 of 21"));
            String ansi = tmux("capture-pane", "-p", "-e", "-t", PANE);
            assertFalse(ansi.contains("\u001b["), "no SGR sequences with NO_COLOR:\n" + ansi);
            keys("q");
            assertRestored(work, "0", "");
        } finally {
            end(work);
        }
        work = startView(100, 15, "", many());
        try {
            awaitScreen("the view", s -> s.contains("rows 1-11 of 21"));
            assertTrue(tmux("capture-pane", "-p", "-e", "-t", PANE).contains("\u001b["), "with colour there are attributes");
            keys("q");
            assertRestored(work, "0", "");
        } finally {
            end(work);
        }
    }

    @Test
    void sigtermAndSigintRestoreTheTerminal() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path work = startView(100, 15, "", many());
            try {
                awaitScreen("the view", s -> s.contains("rows 1-11 of 21"));
                keys("/"); // mid-filter: the state the view is in does not matter
                awaitScreen("typing a filter", s -> s.contains("/ filter:"));
                String shell = pane("#{pane_pid}");
                String java = TestBed.exec(List.of("ps", "-o", "pid=", "--ppid", shell), Duration.ofSeconds(10)).strip();
                TestBed.exec(List.of("kill", "-" + signal, java), Duration.ofSeconds(10));
                assertRestored(work, signal.equals("TERM") ? "143" : "0", "");
            } finally {
                end(work);
            }
        }
    }

    @Test
    void aLostEngineIsShownAndQuittingStillRestores() throws Exception {
        Path dir = Files.createTempDirectory("dst-cli-live-relay");
        try (UnixRelay relay = new UnixRelay(dir.resolve("docker.sock"), Path.of(TestBed.get().socketUri().substring(7))).up()) {
            Path work = startView(100, 15, "", "-H " + relay.uri() + " " + many());
            try {
                awaitScreen("the view", s -> s.contains("rows 1-11 of 21"));
                relay.cut();
                // the notice says what failed: a refused connection, or a response cut in the middle
                String lost = awaitScreen("the engine lost", s -> s.contains("0 containers") && (s.contains("Cannot connect") || s.contains("retrying every")));
                save("11-engine-lost.txt", lost);
                keys("q");
                assertRestored(work, "0", "retrying every");
            } finally {
                end(work);
            }
        } finally {
            TestBed.exec(List.of("rm", "-rf", dir.toString()), Duration.ofSeconds(10));
        }
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
