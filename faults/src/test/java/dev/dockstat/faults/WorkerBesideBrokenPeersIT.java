package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockstat.core.api.Json;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.faults.BrokenPeer.Fault;
import dev.dockstat.faults.BrokenPeer.Target;
import dev.dockstat.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * serve-ipc with broken engines beside a healthy one: each broken one costs only its own
 * containers or its own status, with one line on stderr; the healthy one (the auxiliary engine)
 * and the healthy containers of the broken ones keep their metrics; removing them all leaves no
 * thread or descriptor behind.
 */
@Order(3)
class WorkerBesideBrokenPeersIT {

    static String configure(long envId, String type, int port, String ca) {
        ObjectNode m = Json.MAPPER.createObjectNode().put("type", "configure").put("envId", envId).put("name", "peer" + envId)
                .put("connectionType", "direct");
        ObjectNode config = m.putObject("config").put("type", type).put("host", "127.0.0.1").put("port", port);
        if (ca != null) {
            config.put("ca", ca);
        }
        return m.toString();
    }

    private static long lines(List<String> stderr, String text) {
        return stderr.stream().filter(l -> l.contains(text)).count();
    }

    @Test
    void brokenEnginesCostOnlyTheirOwnContainers() throws Exception {
        AuxEngine aux = AuxEngine.get();
        aux.run("dst-fa-ipc-idle", TestBed.IMAGE, "sleep", "100000");
        try (BrokenPeer hangs = BrokenPeer.start(Fault.NEVER_ANSWERS, Target.STATS_OF_BAD);
             BrokenPeer junk = BrokenPeer.start(Fault.INVALID_JSON, Target.STATS_OF_BAD);
             BrokenPeer cut = BrokenPeer.start(Fault.CLOSES_MID_CHUNK, Target.STATS_OF_BAD);
             BrokenPeer huge = BrokenPeer.start(Fault.HUGE_EVENT_LINE, Target.EVENTS);
             BrokenPeer tls = BrokenPeer.start(Fault.NEVER_ANSWERS, Target.EVERY_REQUEST)) {
            // without the worker's heap trim: its one thread is the worker's, not an environment's,
            // and it may start just after "ready", i.e. after the baseline below was counted
            InProcessWorker w = new InProcessWorker("broken-peers-worker", Map.of("SKIP_DF_COLLECTION", "true", "DOCKSTAT_HEAP_TRIM_MS", "0"));
            w.await("ready", Duration.ofSeconds(10), m -> m.path("type").asText().equals("ready"));
            Resources before = Resources.now();
            w.send("{\"type\":\"set_metrics_interval\",\"intervalMs\":1000}");
            w.send(configure(1, "http", hangs.port(), null));
            w.send(WorkerProcess.socket(2, aux.socketUri()));
            w.send(configure(3, "http", junk.port(), null));
            w.send(configure(4, "http", cut.port(), null));
            w.send(configure(5, "http", huge.port(), null));
            w.send(configure(6, "https", tls.port(), TestBed.get().pem("ca.pem")));

            TestBed.await("three metrics rounds of every engine that answers", Duration.ofSeconds(60),
                    () -> List.of(1L, 2L, 3L, 4L, 5L).stream().allMatch(env -> w.of("metrics", env).size() >= 3));
            w.await("the event after the 5 MB line", Duration.ofSeconds(20),
                    m -> m.path("type").asText().equals("container_event") && m.path("envId").asLong() == 5);
            w.await("env 6 offline", Duration.ofSeconds(20), m -> m.path("type").asText().equals("env_status") && m.path("envId").asLong() == 6);

            for (long env : List.of(1L, 3L, 4L, 5L)) {
                JsonNode metrics = w.of("metrics", env).getLast();
                assertTrue(metrics.path("cpu").asDouble() > 0 && metrics.path("memUsed").asLong() > 0,
                        "env " + env + ": the healthy containers still count: " + metrics);
            }
            List<String> stderr = w.stderr();
            for (String env : List.of("env 1 ", "env 3 ", "env 4 ")) {
                assertEquals(1, stderr.stream().filter(l -> l.startsWith(env) && l.contains("container bad (")).count(),
                        env + "says once that its broken container is left out: " + stderr);
            }
            assertEquals(1, lines(stderr, "env 5 (peer5): skipped an event line longer than " + EventLines.MAX_LINE + " bytes"), stderr.toString());
            assertEquals(List.of(false), w.of("env_status", 6).stream().map(m -> m.path("online").asBoolean()).toList());
            assertEquals("Docker not reachable", w.of("env_status", 6).getFirst().path("error").asText());
            for (long env : List.of(1L, 2L, 3L, 4L, 5L)) {
                assertEquals(List.of(true), w.of("env_status", env).stream().map(m -> m.path("online").asBoolean()).toList(), "env " + env);
            }

            for (int env = 1; env <= 6; env++) {
                w.send("{\"type\":\"remove\",\"envId\":" + env + "}");
            }
            TestBed.await("every environment removed", Duration.ofSeconds(20), () -> lines(w.stderr(), "removed env ") == 6);
            Resources after = Resources.settledAt(before, "the worker's threads and descriptors once its environments are removed");
            System.out.println("[faults] serve-ipc beside 5 broken engines and the auxiliary one: metrics of envs 1-5 went on ("
                    + List.of(1L, 2L, 3L, 4L, 5L).stream().map(env -> String.valueOf(w.of("metrics", env).size())).toList()
                    + " rounds), one line each for the broken containers, env 6 (TLS never answering) offline once; "
                    + "threads and fds before configure: " + before + ", after removing all: " + after);
            w.close();
            assertEquals(List.of(), w.invalidLines(), "stdout: JSON objects only");
        } finally {
            aux.removeTestContainers();
        }
    }
}
