package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockstat.testbed.TestBed;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dockstat stats against docker stats, on the same containers of the real engine. */
class StatsCommandIT {

    static final String BURN = "dst-stats-burn";
    static final String IDLE = "dst-stats-idle";
    static final String MEM = "dst-stats-mem";
    static final ObjectMapper JSON = new ObjectMapper();

    static InProcess dockstat(String... args) {
        return InProcess.run(args);
    }

    @BeforeAll
    static void containers() {
        TestBed.get();
        TestBed.burner(BURN, "0.5");
        TestBed.idle(IDLE);
        TestBed.run(MEM, "-m", "64m", TestBed.IMAGE, "sh", "-c", "dd if=/dev/zero of=/big bs=1M count=20; sleep 100000");
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(BURN, IDLE, MEM);
    }

    static Map<String, JsonNode> byName(String ndjson) throws Exception {
        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : ndjson.strip().split("\n")) {
            JsonNode row = JSON.readTree(line);
            rows.put(row.get("Name").asText(), row);
        }
        return rows;
    }

    static String limit(JsonNode row) {
        return row.get("MemUsage").asText().split(" / ")[1];
    }

    @Test
    void staticColumnsMatchDockerAndTheBurnerReadsFifty() throws Exception {
        List<String> names = List.of(BURN, IDLE, MEM);
        String docker = TestBed.docker("stats", "--no-stream", "--format", "json", BURN, IDLE, MEM);
        InProcess ours = dockstat("stats", "--no-stream", "--format", "json", BURN, IDLE, MEM);
        assertEquals(0, ours.code(), ours.err());
        Map<String, JsonNode> theirs = byName(docker);
        Map<String, JsonNode> mine = byName(ours.out());
        assertEquals(theirs.keySet(), mine.keySet());
        for (String name : names) {
            JsonNode d = theirs.get(name);
            JsonNode m = mine.get(name);
            for (String field : List.of("Container", "ID", "Name", "NetIO", "BlockIO", "PIDs")) {
                assertEquals(d.get(field).asText(), m.get(field).asText(), name + " " + field);
            }
            assertEquals(limit(d), limit(m), name + " memory limit");
        }
        // The default reading spans 200 ms, two of the kernel's 100 ms CPU quota periods: where the
        // burner's throttled slices fall against the two readings moves it by several points (55.6 % was
        // seen on a busy CI machine), so this only catches a gap or scale that is wrong, which reads 25
        // or 100. The 1 s figure is held to the bound in the next test.
        assertEquals(50.0, cpuPercent(mine.get(BURN)), 12.5, "burner at the default 200 ms gap");
    }

    /** With the gap at 1 s, the burner reads its limit within ±3.5 points, as every 1 s sample must. */
    @Test
    void aOneSecondGapReadsTheBurnersLimit(@TempDir Path home) throws Exception {
        Map<String, String> env = InProcess.cleanEnv(home);
        env.put("DOCKSTAT_SAMPLE_GAP_MS", "1000");
        InProcess ours = InProcess.run(env, "stats", "--no-stream", "--format", "json", BURN);
        assertEquals(0, ours.code(), ours.err());
        assertEquals(50.0, cpuPercent(byName(ours.out()).get(BURN)), 3.5, "burner at a 1 s gap");
    }

    static double cpuPercent(JsonNode row) {
        return Double.parseDouble(row.get("CPUPerc").asText().replace("%", ""));
    }

    /** The columns that do not move between two readings, as docker prints them, byte for byte. */
    @Test
    void staticColumnsTableIsByteForByteDockers() {
        String format = "table {{.Container}}\t{{.ID}}\t{{.Name}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
        String[] args = {"stats", "--no-stream", "--format", format, BURN, IDLE, MEM};
        String docker = TestBed.docker(args);
        InProcess ours = dockstat(args);
        assertEquals(0, ours.code(), ours.err());
        assertEquals(docker, ours.out());
        String[] full = {"stats", "--no-stream", "--no-trunc", "--format", "table {{.ID}}\t{{.Name}}\t{{.PIDs}}", IDLE};
        assertEquals(TestBed.docker(full), dockstat(full).out());
    }

    /** The memory limit is part of MEM USAGE; compared per container (the usage moves). */
    @Test
    void memoryLimitsAreDockers() throws Exception {
        String docker = TestBed.docker("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}", BURN, IDLE, MEM);
        InProcess ours = dockstat("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}", BURN, IDLE, MEM);
        assertEquals(limits(docker), limits(ours.out()));
        assertTrue(ours.out().contains(MEM + " ") && ours.out().contains(" / 64MiB"), ours.out());
    }

    static List<String> limits(String lines) {
        return lines.lines().map(l -> l.split(" ")[0] + " " + l.substring(l.indexOf(" / "))).toList();
    }

    /** Two engines, one missing: the other's rows with an ENV column, the missing one on stderr, exit 3. */
    @Test
    void severalEnginesWithOneDownArePartial() {
        String missing = "unix:///tmp/dst-cli-no-such-engine.sock";
        InProcess ours = dockstat("stats", "--no-stream", "-H", TestBed.get().socketUri(), "-H", missing, IDLE);
        assertEquals(3, ours.code(), ours.err());
        assertEquals("Cannot connect to the Docker engine at " + missing + ": socket not found (is the engine running?)",
                ours.err().strip());
        List<String> lines = ours.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ENV "), lines.get(0));
        assertEquals(2, lines.size(), ours.out());
        assertTrue(lines.get(1).startsWith(TestBed.get().socketUri()) && lines.get(1).contains(IDLE), lines.get(1));
    }

    @Test
    void defaultTableListsRunningContainersWithDockersHeader() {
        InProcess ours = dockstat("stats", "--no-stream");
        assertEquals(0, ours.code(), ours.err());
        String[] lines = ours.out().split("\n");
        assertTrue(lines[0].startsWith("CONTAINER ID   NAME "), lines[0]);
        assertTrue(ours.out().contains(BURN) && ours.out().contains(MEM));
    }

    @Test
    void unknownContainerIsOneLineAndExitOne() {
        InProcess ours = dockstat("stats", "--no-stream", "dst-no-such-container");
        assertEquals(1, ours.code());
        assertEquals("Error: No such container: dst-no-such-container", ours.err().strip());
        assertFalse(ours.err().contains("at dev."), "no stack trace");
    }

    @Test
    void streamingAnUnknownContainerIsTheSameOneLineAndExitOne() {
        InProcess ours = dockstat("stats", "dst-no-such-container");
        assertEquals(1, ours.code());
        assertEquals("Error: No such container: dst-no-such-container", ours.err().strip());
        assertEquals("", ours.out());
    }

    @Test
    void unreachableEngineNamesTheAddressAndReason() {
        InProcess ours = dockstat("stats", "--no-stream", "-H", "unix:///tmp/dockstat-no-such.sock");
        assertEquals(1, ours.code());
        assertEquals("Cannot connect to the Docker engine at unix:///tmp/dockstat-no-such.sock: socket not found (is the engine running?)",
                ours.err().strip());
    }

    @Test
    void badTemplateIsAUsageError() {
        InProcess ours = dockstat("stats", "--no-stream", "--format", "{{.Nope}}");
        assertEquals(2, ours.code());
        assertEquals("Error: template parsing error: template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type"
                + " *container.statsContext\n", ours.err(), "docker's message after Error:");
    }
}
