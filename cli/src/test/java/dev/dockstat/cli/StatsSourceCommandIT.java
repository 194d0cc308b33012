package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.TestBed;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --source} on the real engine: the kernel source prints what the engine source prints
 * (apart from CPU, which moves between any two readings), a remote engine with {@code kernel} is
 * one line and exit 2, and {@code auto} falls back to the engine without a word (a debug line
 * with {@code DOCKSTAT_DEBUG=1}).
 */
class StatsSourceCommandIT {

    static final String IDLE = "dst-source-idle";
    static final String MEM = "dst-source-mem";
    static final String FORMAT = "table {{.Name}}\t{{.MemUsage}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

    @TempDir
    static Path home;

    @BeforeAll
    static void containers() {
        TestBed.idle(IDLE);
        TestBed.run(MEM, "-m", "64m", TestBed.IMAGE, "sleep", "100000");
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(IDLE, MEM);
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(InProcess.cleanEnv(home));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theKernelSourcePrintsWhatTheEngineSourcePrints() {
        InProcess kernel = InProcess.run(env(), "stats", "--no-stream", "--source", "kernel", "--format", FORMAT, IDLE, MEM);
        InProcess engine = InProcess.run(env(), "stats", "--no-stream", "--source", "engine", "--format", FORMAT, IDLE, MEM);
        assertEquals(0, kernel.code(), kernel.err());
        assertEquals(engine.out(), kernel.out());
        assertEquals(TestBed.docker("stats", "--no-stream", "--format", FORMAT, IDLE, MEM), kernel.out());
        assertEquals("", kernel.err());
    }

    @Test
    void kernelForARemoteEngineIsOneLineAndExit2() {
        InProcess r = InProcess.run(env(), "stats", "--no-stream", "--source", "kernel", "-H", TestBed.get().tcpUri(), IDLE);
        assertEquals(2, r.code());
        assertEquals("Error: stats source kernel cannot read " + TestBed.get().tcpUri()
                + ": the engine is not reached over a local unix socket\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void kernelWithoutReadableCgroupsIsOneLineAndExit2() {
        InProcess r = InProcess.run(env("DOCKSTAT_CGROUP", "/nonexistent/cgroup"), "stats", "--no-stream", "--source", "kernel", IDLE);
        assertEquals(2, r.code());
        assertTrue(r.err().strip().endsWith(": /nonexistent/cgroup is not readable") && r.err().strip().lines().count() == 1, r.err());
    }

    @Test
    void autoFallsBackToTheEngineSilentlyOrWithADebugLine() {
        InProcess quiet = InProcess.run(env("DOCKSTAT_CGROUP", "/nonexistent/cgroup"), "stats", "--no-stream", "--format", "{{.Name}}", IDLE);
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals(IDLE + "\n", quiet.out());
        assertEquals("", quiet.err());
        InProcess debug = InProcess.run(env("DOCKSTAT_CGROUP", "/nonexistent/cgroup", "DOCKSTAT_DEBUG", "1"),
                "stats", "--no-stream", "--format", "{{.Name}}", IDLE);
        assertEquals(IDLE + "\n", debug.out());
        assertTrue(debug.err().startsWith("dockstat: debug: stats source for ") && debug.err().contains(": engine (kernel source unavailable: ")
                && debug.err().strip().lines().count() == 1, debug.err());
        InProcess remote = InProcess.run(env(), "stats", "--no-stream", "-H", TestBed.get().tcpUri(), "--format", "{{.Name}}", IDLE);
        assertEquals(IDLE + "\n", remote.out());
        assertEquals("", remote.err(), "a remote engine: the engine path, without a word");
    }

    @Test
    void anUnknownSourceIsAUsageError() {
        InProcess r = InProcess.run(env(), "stats", "--no-stream", "--source", "cgroups", IDLE);
        assertEquals(2, r.code());
        assertEquals("Error: --source: unknown stats source 'cgroups' (expected auto, engine or kernel)\n", r.err());
    }
}
