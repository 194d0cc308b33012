package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.TestBed;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dockstat df against docker system df on the test bed, byte for byte. The engine is shared (other
 * tests create containers all the time) and the detail tables say "3 seconds ago", so docker runs
 * before and after dockstat and dockstat must equal one of the two; when the engine changed in
 * between, the comparison is taken again.
 */
class DfCommandIT {

    static final String VOLUME = "dst-cli-df-vol";
    static final String STOPPED = "dst-cli-df-stopped";
    static final String WRITER = "dst-cli-df-writer";

    @BeforeAll
    static void nonTrivialRows() {
        TestBed.get();
        TestBed.remove(STOPPED, WRITER);
        TestBed.docker("volume", "create", VOLUME);
        TestBed.docker("create", "--network", "none", "--label", TestBed.LABEL, "--name", STOPPED, "-v", VOLUME + ":/data",
                TestBed.IMAGE, "sh", "-c", "echo hi > /data/x");
        TestBed.docker("start", "-a", STOPPED);
        TestBed.run(WRITER, TestBed.IMAGE, "sh", "-c", "dd if=/dev/zero of=/f bs=1k count=300 2>/dev/null; sleep 100000");
        TestBed.await("the writer's 300 kB", java.time.Duration.ofSeconds(30),
                () -> TestBed.docker("ps", "-s", "--filter", "name=" + WRITER, "--format", "{{.Size}}").startsWith("30"));
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(STOPPED, WRITER);
        try {
            TestBed.docker("volume", "rm", VOLUME);
        } catch (IllegalStateException gone) {
            // already removed
        }
    }

    static String dockstat(String... args) {
        InProcess r = InProcess.run(args);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    static void sameAsDocker(List<String> dockerArgs, List<String> ourArgs) {
        String before = "";
        String ours = "";
        String after = "";
        for (int attempt = 0; attempt < 8; attempt++) {
            before = TestBed.docker(dockerArgs.toArray(String[]::new));
            ours = dockstat(ourArgs.toArray(String[]::new));
            after = TestBed.docker(dockerArgs.toArray(String[]::new));
            if (ours.equals(before) || ours.equals(after)) {
                return;
            }
        }
        assertEquals(after, ours, "docker " + dockerArgs + " (docker before: " + (before.equals(after) ? "the same" : "different") + ")");
    }

    @Test
    void summaryTable() {
        sameAsDocker(List.of("system", "df"), List.of("df"));
    }

    @Test
    void summaryJsonAndTemplate() {
        sameAsDocker(List.of("system", "df", "--format", "json"), List.of("df", "--format", "json"));
        sameAsDocker(List.of("system", "df", "--format", "table {{.Type}}\t{{.Reclaimable}}"),
                List.of("df", "--format", "table {{.Type}}\t{{.Reclaimable}}"));
    }

    @Test
    void verboseTablesShowTheVolumeAndTheContainers() {
        sameAsDocker(List.of("system", "df", "-v"), List.of("df", "-v"));
        String ours = dockstat("df", "-v");
        assertTrue(ours.contains(VOLUME) && ours.contains(STOPPED) && ours.contains(WRITER), ours);
    }

    @Test
    void verboseJson() {
        sameAsDocker(List.of("system", "df", "-v", "--format", "json"), List.of("df", "-v", "--format", "json"));
    }
}
