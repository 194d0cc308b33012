package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged dockstat typed as docker users type it, global options before the command, against
 * the test engine: the same container row as with the options after the command, a docker context
 * made by {@code docker context create} (in a throwaway DOCKER_CONFIG) chosen with {@code --context}
 * or {@code -c} before the command, and the one-line conflict of {@code -H} with {@code --context}.
 */
class GlobalOptionsIT {

    static final String CONTAINER = "dst-cli-global-idle";
    static final String CONTEXT = "dst-cli-global-ctx";
    static final String SOCKET = "unix:///var/run/docker.sock";

    @TempDir
    static Path home;

    static Path dockerConfig;

    @BeforeAll
    static void containerAndContext() throws Exception {
        TestBed.get();
        TestBed.idle(CONTAINER);
        dockerConfig = home.resolve("docker-config");
        Files.createDirectories(dockerConfig);
        ProcessBuilder pb = new ProcessBuilder("docker", "context", "create", CONTEXT, "--docker", "host=" + SOCKET).redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, output);
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(CONTAINER);
    }

    static LauncherIT.Run dockstat(String... args) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(InProcess.cleanEnv(home));
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("DOCKER_HOST", "tcp://127.0.0.1:1"); // wrong on purpose: only the options can pick the engine that works
        return LauncherIT.run(env, Launched.LAUNCHER, args);
    }

    /** The container's row, by {@code before} the command and {@code after} it. */
    static LauncherIT.Run row(List<String> before, List<String> after) throws Exception {
        List<String> args = new ArrayList<>(before);
        args.addAll(List.of("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}"));
        args.addAll(after);
        args.add(CONTAINER);
        return dockstat(args.toArray(String[]::new));
    }

    static void isTheContainersRow(LauncherIT.Run r) {
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(CONTAINER + " 1", r.out().strip());
    }

    @Test
    void hostBeforeTheCommandAsAfterIt() throws Exception {
        LauncherIT.Run before = row(List.of("-H", SOCKET), List.of());
        isTheContainersRow(before);
        assertEquals(before, row(List.of(), List.of("-H", SOCKET)));
        assertEquals(before, row(List.of("--host=" + SOCKET, "-l", "info"), List.of()));
    }

    @Test
    void contextBeforeTheCommandAsAfterIt() throws Exception {
        LauncherIT.Run before = row(List.of("--context", CONTEXT), List.of());
        isTheContainersRow(before);
        assertEquals(before, row(List.of("-c", CONTEXT), List.of()));
        assertEquals(before, row(List.of(), List.of("--context", CONTEXT)));
    }

    @Test
    void contextBeforeDf() throws Exception {
        LauncherIT.Run df = dockstat("--context", CONTEXT, "df");
        assertEquals(0, df.code(), df.err());
        assertTrue(df.out().startsWith("TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n"), df.out());
    }

    @Test
    void hostAndContextStayOneLineAndExitTwo() throws Exception {
        LauncherIT.Run conflict = new LauncherIT.Run(2, "", "Error: conflicting options: cannot specify both --host and --context\n");
        assertEquals(conflict, row(List.of("-H", SOCKET, "--context", CONTEXT), List.of()));
        assertEquals(conflict, row(List.of("-H", SOCKET), List.of("--context", CONTEXT)));
        assertEquals(conflict, row(List.of("-c", CONTEXT), List.of("-H", SOCKET)));
    }
}
