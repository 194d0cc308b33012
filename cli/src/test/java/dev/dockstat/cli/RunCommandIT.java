package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockstat run} against the test bed: two live engines (socket, mTLS) and a dead one. */
class RunCommandIT {

    static final String BURN = "dst-run-burn";
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void burner() {
        TestBed.get();
        TestBed.burner(BURN, "0.5");
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(BURN, "dst-run-ev");
    }

    record Result(int code, String out, String err) {}

    static Result dockstat(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dockstat.run(new PrintWriter(out), new PrintWriter(err), new HashMap<>(System.getenv()), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String plan(Path dir, String jobs) {
        String pki = TestBed.get().pki().toString();
        return """
                environments:
                  local: {host: "%s"}
                  secure:
                    host: %s
                    tls: {ca: %s/ca.pem, cert: %s/client-cert.pem, key: {file: %s/client-key.pem}}
                  dead: {host: "tcp://127.0.0.1:1"}
                jobs:
                """.formatted(TestBed.get().socketUri(), TestBed.get().tlsUri(), pki, pki, pki) + jobs.replace("OUT", dir.toString());
    }

    @Test
    void thirtySecondsOfStatsEventsAndDiskUsageOverThreeEnginesOneDead(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, plan(dir, """
                  - name: stats
                    stats: {interval: 2s, duration: 30s, containers: {names: ["dst-run-*"]}}
                    output: {path: "OUT/{env}/stats.csv"}
                  - name: events
                    environments: [local, secure]
                    events: {duration: 30s, filters: {container: [dst-run-ev]}}
                    output: {path: "OUT/{env}/events.ndjson"}
                  - name: df
                    environments: [local, secure]
                    df: {every: 10s, duration: 30s}
                    output: {path: "OUT/{env}/df.ndjson"}
                """));
        Thread events = Thread.ofVirtual().start(() -> {
            TestBed.await("the run to start", Duration.ofSeconds(20), () -> Files.exists(dir.resolve("local")));
            TestBed.run("dst-run-ev", TestBed.IMAGE, "true");
            TestBed.remove("dst-run-ev");
        });
        Result r = dockstat("run", "--quiet", plan.toString());
        events.join();
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("stats\\s+dead\\s+FAILED.*")), r.out());
        for (String env : List.of("local", "secure")) {
            List<String[]> rows = csv(dir.resolve(env + "/stats.csv"));
            List<Double> cpu = rows.stream().filter(row -> row[4].equals(BURN)).map(row -> Double.parseDouble(row[5])).toList();
            assertTrue(Math.abs(cpu.size() - 15) <= 1, env + ": " + cpu.size() + " rows for the burner, want 15 ± 1");
            double mean = cpu.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double worst = cpu.stream().mapToDouble(c -> Math.abs(c - 50)).max().orElseThrow();
            System.out.printf("RunCommandIT %s: %d rows, burner CPU mean %.2f, worst sample %.2f points off%n", env, cpu.size(), mean, worst);
            assertEquals(50.0, mean, 2.0, env + " burner CPU");
            List<JsonNode> ev = ndjson(dir.resolve(env + "/events.ndjson"));
            List<String> actions = ev.stream().map(e -> e.get("action").asText()).toList();
            assertTrue(actions.containsAll(List.of("create", "start", "die", "destroy")), env + " events: " + actions);
            assertEquals(actions.size(), actions.stream().distinct().count(), "no event twice: " + actions);
            List<JsonNode> df = ndjson(dir.resolve(env + "/df.ndjson"));
            assertTrue(df.size() >= 3 && df.get(0).get("df").has("Images"), env + " df snapshots: " + df.size());
        }
        assertFalse(Files.exists(dir.resolve("dead/stats.csv")), "no output for an engine that never answered");
        assertNoPartialFiles(dir);
    }

    @Test
    void theKernelSourceReadsTheLocalEngineAndFailsOnlyTheRemoteOnesTasksUnlessOverridden(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "source: kernel\n" + plan(dir, """
                  - name: stats
                    environments: [local, secure]
                    stats: {interval: 1s, samples: 3, containers: {names: ["dst-run-*"]}}
                    output: {path: "OUT/{env}/stats.csv"}
                """));
        Result r = dockstat("run", "--quiet", plan.toString());
        assertEquals(3, r.code(), "partial: the remote engine's task failed\n" + r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("stats source kernel cannot read"), r.out() + r.err());
        List<String[]> rows = csv(dir.resolve("local/stats.csv"));
        assertEquals(3, rows.size(), "one row per round for the burner");
        for (String[] row : rows) {
            assertEquals(BURN, row[4]);
            assertEquals(14, row.length);
        }
        assertTrue(rows.stream().anyMatch(row -> Double.parseDouble(row[5]) > 0), "the burner's CPU is read");
        assertFalse(Files.exists(dir.resolve("secure/stats.csv")), "no output for the engine the source cannot read");
        assertNoPartialFiles(dir);

        // --source overrides the plan's: the engine's API reads both engines
        Result engine = dockstat("run", "--quiet", "--source", "engine", plan.toString());
        assertEquals(0, engine.code(), engine.out() + engine.err());
        assertEquals(3, csv(dir.resolve("secure/stats.csv")).size(), "the remote engine read through its API");
        Result typo = dockstat("run", "--source", "kernal", plan.toString());
        assertEquals(2, typo.code());
        assertEquals("Error: --source: unknown stats source 'kernal' (expected auto, engine or kernel)", typo.err().strip());
    }

    @Test
    void fiveMistakesAreFiveLocatedErrorsAndNothingRuns(@TempDir Path dir) throws IOException {
        Path plan = dir.resolve("bad.yaml");
        Files.writeString(plan, plan(dir, """
                  - name: s
                    stats: {intervall: 2s, duration: 10s}
                    output: {path: "OUT/{env}/s.csv"}
                  - name: e
                    environments: [locl]
                    events: {duration: 0s}
                    output: {path: "OUT/{enviroment}/e.ndjson", format: xml}
                """));
        Result r = dockstat("run", plan.toString());
        assertEquals(2, r.code());
        List<String> located = r.err().lines().filter(l -> l.startsWith(plan + ":")).toList();
        assertEquals(5, located.size(), r.err());
        assertTrue(r.err().contains("5 problems in " + plan + "; nothing was run."), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(plan), files.toList(), "no file created");
        }
    }

    @Test
    void sigtermMidRunLeavesCompleteValidFiles(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                environments:
                  local: {host: "%s"}
                jobs:
                  - name: stats
                    stats: {interval: 1s, duration: 60s}
                    output: {path: "%s/stats.csv"}
                  - name: events
                    events: {duration: 60s}
                    output: {path: "%s/events.ndjson"}
                """.formatted(TestBed.get().socketUri(), dir, dir));
        Path launcher = Path.of("target/bin/dockstat").toAbsolutePath();
        Process p = new ProcessBuilder(launcher.toString(), "run", plan.toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start(); // destroy() closes a piped stdout
        TestBed.await("rows being written", Duration.ofSeconds(30), () -> partialLines(dir) > 5);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "exits after SIGTERM");
        String summary = Files.readString(dir.resolve("stdout.txt"));
        assertTrue(summary.contains("STATUS"), "summary printed: " + summary);
        List<String[]> rows = csv(dir.resolve("stats.csv"));
        assertTrue(rows.size() > 3, "rows kept: " + rows.size());
        for (String[] row : rows) {
            assertEquals(14, row.length, "complete CSV row: " + String.join(",", row));
        }
        ndjson(dir.resolve("events.ndjson")); // every line parses
        assertNoPartialFiles(dir);
    }

    static long partialLines(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".stats.csv.partial")).mapToLong(f -> {
                try {
                    return Files.readAllLines(f).size();
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    static void assertNoPartialFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(".partial-")).toList());
        }
    }

    /** Data rows of a CSV written by dockstat (no quoted commas in these columns), header checked. */
    static List<String[]> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("time,env,job,id,name,cpu_percent"), lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    static List<JsonNode> ndjson(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }
}
