package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockstat.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** dockstat stats without --no-stream when stdout is a pipe: successive plain tables or JSON lines, containers coming and going, several engines. */
class StatsStreamIT {

    static final String A = "dst-cli-stream-a";
    static final String B = "dst-cli-stream-b";
    static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void engine() {
        TestBed.get();
        TestBed.remove(A, B);
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(A, B);
    }

    /** The tables printed so far, each as the set of its rows' first cells (a header line starts a table). */
    static List<Set<String>> tables(List<String> lines, String header) {
        List<Set<String>> tables = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(header)) {
                tables.add(new TreeSet<>());
            } else if (!tables.isEmpty() && !line.isBlank()) {
                tables.get(tables.size() - 1).add(line.split("\\s+")[0]);
            }
        }
        return tables;
    }

    static boolean lastTable(List<String> lines, String header, java.util.function.Predicate<Set<String>> test) {
        List<Set<String>> t = tables(lines, header);
        return t.size() >= 2 && test.test(t.get(t.size() - 2)); // the one before the last is complete
    }

    @Test
    void containersAppearAndDisappearInPlainSuccessiveTables() {
        TestBed.idle(A);
        try (Launched stats = Launched.start(Map.of(), "stats", "--format", "table {{.Name}}\t{{.PIDs}}")) {
            stats.await("a table with " + A, WAIT, l -> lastTable(l, "NAME", t -> t.contains(A)));
            TestBed.idle(B);
            stats.await("a table with " + B, WAIT, l -> lastTable(l, "NAME", t -> t.contains(A) && t.contains(B)));
            TestBed.docker("kill", A);
            stats.await("a table without " + A, WAIT, l -> lastTable(l, "NAME", t -> !t.contains(A) && t.contains(B)));
            assertFalse(stats.stdout().contains("\u001b"), "no escape codes into a pipe");
            assertTrue(stats.lines().stream().filter(l -> l.startsWith("NAME")).count() >= 3);
            assertEquals("", stats.stderr());
        } finally {
            TestBed.remove(A, B);
        }
    }

    @Test
    void jsonFormatPrintsOneObjectPerContainerAndTick() throws Exception {
        TestBed.idle(A);
        try (Launched stats = Launched.start(Map.of(), "stats", "--format", "json", A)) {
            stats.await("three ticks", WAIT, l -> l.size() >= 3);
            ObjectMapper json = new ObjectMapper();
            for (String line : stats.lines()) {
                JsonNode row = json.readTree(line);
                assertEquals(A, row.get("Name").asText(), line);
                assertEquals(Set.of("BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO", "PIDs"),
                        fieldNames(row));
            }
        } finally {
            TestBed.remove(A);
        }
    }

    /** {@code dockstat stats | head -1}: the stream ends once the reader is gone, quietly. */
    @Test
    void stopsWhenTheReaderOfThePipeGoesAway() throws Exception {
        TestBed.idle(A);
        Path err = Files.createTempFile("dst-cli-stream", ".err");
        try {
            String first = TestBed.exec(List.of("bash", "-c", Launched.LAUNCHER + " stats --format json 2>" + err + " | head -1"),
                    Duration.ofSeconds(60));
            assertTrue(first.startsWith("{\"BlockIO\""), first);
            assertEquals("", Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
            TestBed.remove(A);
        }
    }

    static Set<String> fieldNames(JsonNode row) {
        Set<String> names = new TreeSet<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Two engines, one of them a socket path that appears and disappears (a symlink to the test bed's
     * socket): its failure and its recovery are each one line on stderr, and the other engine's rows
     * keep coming in between.
     */
    @Test
    void aFailingEngineIsReportedOnceWhileTheOtherKeepsUpdating() throws Exception {
        TestBed.idle(A);
        Path dir = Files.createTempDirectory("dst-cli-engine");
        Path flaky = dir.resolve("docker.sock");
        String flakyHost = "unix://" + flaky;
        String good = TestBed.get().socketUri();
        try (Launched stats = Launched.start(Map.of(), "stats", "--format", "table {{.Env}}\t{{.Name}}", "-H", good, "-H", flakyHost, A)) {
            stats.awaitStderr("the failure", WAIT, e -> e.contains(flakyHost));
            stats.await("rows of the good engine", WAIT, l -> l.stream().filter(x -> x.startsWith(good)).count() >= 3);
            assertEquals("Cannot connect to the Docker engine at " + flakyHost
                    + ": socket not found (is the engine running?) (retrying every 2s)\n", stats.stderr(), "once, not every round");

            Files.createSymbolicLink(flaky, Path.of(TestBed.get().socketUri().substring("unix://".length())));
            stats.awaitStderr("the recovery", WAIT, e -> e.contains("is reachable again"));
            stats.await("rows of both engines", WAIT, l -> l.stream().anyMatch(x -> x.startsWith(flakyHost) && x.contains(A)));
            assertTrue(stats.stderr().endsWith("Engine " + flakyHost + " is reachable again\n"), stats.stderr());
            assertTrue(stats.lines().get(0).startsWith("ENV"), stats.lines().get(0));
        } finally {
            Files.deleteIfExists(flaky);
            Files.deleteIfExists(dir);
            TestBed.remove(A);
        }
    }
}
