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

    record Result(int code, String out, String err) {}

    @TempDir
    static Path home;

    static Result dockstat(String... args) {
        CliRun.Result r = CliRun.run(CliRun.cleanEnv(home), args);
        return new Result(r.code(), r.out(), r.err());
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
        Result ours = dockstat("stats", "--no-stream", "--format", "json", BURN, IDLE, MEM);
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
        double cpu = Double.parseDouble(mine.get(BURN).get("CPUPerc").asText().replace("%", ""));
        assertTrue(Math.abs(cpu - 50.0) <= 3.0, "burner read " + cpu + "%");
    }

    @Test
    void defaultTableListsRunningContainersWithDockersHeader() {
        Result ours = dockstat("stats", "--no-stream");
        assertEquals(0, ours.code(), ours.err());
        String[] lines = ours.out().split("\n");
        assertTrue(lines[0].startsWith("CONTAINER ID   NAME "), lines[0]);
        assertTrue(ours.out().contains(BURN) && ours.out().contains(MEM));
    }

    @Test
    void unknownContainerIsOneLineAndExitOne() {
        Result ours = dockstat("stats", "--no-stream", "dst-no-such-container");
        assertEquals(1, ours.code());
        assertEquals("Error: No such container: dst-no-such-container", ours.err().strip());
        assertFalse(ours.err().contains("at dev."), "no stack trace");
    }

    @Test
    void unreachableEngineNamesTheAddressAndReason() {
        Result ours = dockstat("stats", "--no-stream", "-H", "unix:///tmp/dockstat-no-such.sock");
        assertEquals(1, ours.code());
        assertEquals("Cannot connect to the Docker engine at unix:///tmp/dockstat-no-such.sock: socket not found (is the engine running?)",
                ours.err().strip());
    }

    @Test
    void badTemplateIsAUsageError() {
        Result ours = dockstat("stats", "--no-stream", "--format", "{{.Nope}}");
        assertEquals(2, ours.code());
        assertTrue(ours.err().startsWith("Error: --format: unknown field .Nope"), ours.err());
    }
}
