package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.testbed.FedInputStream;
import dev.dockstat.testbed.JsonLinesOutput;
import dev.dockstat.testbed.TestBed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker in-process against the test bed's engine: what Dockhand sees on stdout. */
class WorkerIT {

    static final String CONTAINER = "dst-ipc-it";

    final FedInputStream stdin = new FedInputStream();
    final JsonLinesOutput stdout = new JsonLinesOutput();
    final List<String> stderr = new CopyOnWriteArrayList<>();
    Thread worker;

    @BeforeEach
    void start() {
        TestBed.get();
        IpcServer server = new IpcServer(stdin, stdout, stderr::add,
                Map.of("DOCKSTAT_DISK_DELAY_MS", "1500", "DOCKSTAT_DISK_INTERVAL_MS", "600000"));
        worker = Thread.ofPlatform().name("worker-under-test").start(server::run);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stdin.close();
        worker.join(5000);
        assertFalse(worker.isAlive(), "the worker ends at stdin EOF");
        assertEquals(List.of(), stdout.invalidLines(), "stdout: one JSON object per line");
        TestBed.remove(CONTAINER);
    }

    static String socket(long envId, String path) {
        return "{\"type\":\"configure\",\"envId\":" + envId + ",\"name\":\"it\",\"connectionType\":\"socket\","
                + "\"config\":{\"type\":\"socket\",\"socketPath\":\"" + path + "\"}}";
    }

    /** The first stdout message that matches, waiting up to 20 s for it. */
    JsonNode await(String what, Predicate<JsonNode> match) {
        try {
            return stdout.await(what, Duration.ofSeconds(20), match);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    static Predicate<JsonNode> type(String type, long envId) {
        return m -> m.path("type").asText().equals(type) && m.path("envId").asLong() == envId;
    }

    @Test
    void anEnvironmentReportsStatusMetricsEventsAndDisk() {
        stdin.line(socket(1, "/var/run/docker.sock"));
        stdin.line("{\"type\":\"set_metrics_interval\",\"intervalMs\":1000}");
        assertEquals("ready", await("ready", m -> true).path("type").asText());
        JsonNode status = await("env_status", type("env_status", 1));
        assertTrue(status.path("online").asBoolean() && !status.has("error"), status.toString());

        JsonNode metrics = await("metrics", type("metrics", 1));
        int ncpu = Runtime.getRuntime().availableProcessors();
        assertEquals(ncpu, metrics.path("cpuCount").asInt(), metrics.toString());
        assertTrue(metrics.path("memTotal").asLong() > 0 && metrics.path("cpu").isNumber() && metrics.path("memPercent").isNumber());

        TestBed.run(CONTAINER, TestBed.IMAGE, "true");
        for (String action : List.of("create", "start", "die")) {
            await(action + " event", m -> type("container_event", 1).test(m)
                    && m.path("event").path("Action").asText().equals(action)
                    && m.path("event").path("Actor").path("Attributes").path("name").asText().equals(CONTAINER)
                    && m.path("event").path("timeNano").asLong() > 0);
        }

        JsonNode disk = await("disk_usage", type("disk_usage", 1));
        assertTrue(disk.path("data").has("LayersSize") && disk.path("info").path("DriverStatus").isArray(), disk.toString());

        TestBed.await("a few more rounds", Duration.ofSeconds(10), () -> stdout.of("metrics", 1).size() >= 3);
        assertEquals(1, stdout.of("env_status", 1).size(), "status only on the first check while nothing changes");
    }

    @Test
    void anIdenticalConfigureChangesNothingAndAChangedOneReplaces() {
        stdin.line(socket(2, "/var/run/docker.sock"));
        await("first status", type("env_status", 2));
        stdin.line(socket(2, "/var/run/docker.sock"));
        stdin.line(socket(2, "/var/run/docker.sock"));
        stdin.line(socket(2, "/tmp/dockstat-ipc-it-missing.sock"));
        JsonNode offline = await("offline status", m -> type("env_status", 2).test(m) && !m.path("online").asBoolean());
        assertEquals("Docker not reachable", offline.path("error").asText());
        assertEquals(2, stdout.of("env_status", 2).size(), "one status per configuration that ran: " + stdout.of("env_status", 2));
    }

    @Test
    void removeStopsThatEnvironmentsMessagesAndHawserEdgeStartsNothing() throws InterruptedException {
        stdin.line("{\"type\":\"set_metrics_interval\",\"intervalMs\":500}");
        stdin.line(socket(3, "/var/run/docker.sock"));
        stdin.line("{\"type\":\"configure\",\"envId\":4,\"connectionType\":\"hawser-edge\",\"hawserToken\":\"t\","
                + "\"config\":{\"type\":\"https\",\"host\":\"127.0.0.1\",\"port\":1}}");
        await("metrics of env 3", type("metrics", 3));
        stdin.line("{\"type\":\"remove\",\"envId\":3}");
        TestBed.await("removal", Duration.ofSeconds(5), () -> stderr.contains("removed env 3"));
        int seen = stdout.messages().size();
        Thread.sleep(2000); // a quiet period of four metrics intervals: nothing may arrive in it
        List<JsonNode> after = new ArrayList<>(stdout.messages().subList(seen, stdout.messages().size()));
        assertEquals(List.of(), after);
        assertTrue(stdout.messages().stream().noneMatch(m -> m.path("envId").asLong() == 4), "edge environment stays silent");
    }

    @Test
    void historyOfARunningContainer() {
        String id = TestBed.idle(CONTAINER);
        stdin.line(socket(5, "/var/run/docker.sock"));
        await("status", type("env_status", 5));
        stdin.line("{\"type\":\"container_metrics\",\"envId\":5,\"container\":\"" + CONTAINER + "\",\"from\":0}");
        JsonNode first = await("history reply", type("container_metrics", 5));
        assertEquals(id, first.path("container").asText());
        assertTrue(first.path("isRunning").asBoolean() && first.path("metrics").isArray() && first.has("from"), first.toString());
        TestBed.await("points", Duration.ofSeconds(15), () -> { // ask again, after each reply, until one carries points
            int replies = stdout.of("container_metrics", 5).size();
            stdin.line("{\"type\":\"container_metrics\",\"envId\":5,\"container\":\"" + CONTAINER + "\",\"from\":0}");
            await("history reply", m -> stdout.of("container_metrics", 5).size() > replies);
            return stdout.of("container_metrics", 5).getLast().path("metrics").size() > 0;
        });
        JsonNode withPoints = stdout.of("container_metrics", 5).stream().filter(m -> m.path("metrics").size() > 0).findFirst().orElseThrow();
        JsonNode point = withPoints.path("metrics").get(0);
        long now = System.currentTimeMillis();
        assertTrue(point.has("cpu") && point.has("mem") && Math.abs(now - point.path("timestamp").asLong()) < 60_000,
                "timestamp in unix milliseconds: " + point);
        assertEquals(withPoints.path("metrics").size(), withPoints.path("from").asLong(), "cursor after the points read");
        stdin.line("{\"type\":\"container_metrics\",\"envId\":5,\"container\":\"dst-ipc-no-such\",\"from\":0}");
        JsonNode unknown = await("unknown container", m -> type("container_metrics", 5).test(m)
                && m.path("container").asText().equals("dst-ipc-no-such"));
        assertFalse(unknown.path("isRunning").asBoolean());
        assertEquals(0, unknown.path("metrics").size());
    }
}
