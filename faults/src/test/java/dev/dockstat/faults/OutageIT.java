package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Outages of the auxiliary engine while the packaged worker ({@code collection-worker}, stream mode)
 * and {@code dockstat events} follow it: what they delivered is compared with what the engine
 * itself reports ({@code docker events}) by (timeNano, actor, action), so a lost or doubled event
 * fails the test.
 *
 * <p>The worker watches the engine twice: environment 1 through the token proxy (Hawser standard),
 * environment 2 on the engine's socket. Containers are created, started and stopped before, during
 * (where the engine is up) and after each outage.
 */
@Order(1)
class OutageIT {

    /** How long each outage lasts (the 20 s). */
    static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String P = "dst-fa-out-";

    private static AuxEngine aux;

    @BeforeAll
    static void engine() {
        aux = AuxEngine.get();
        aux.removeTestContainers();
    }

    @AfterAll
    static void restore() {
        aux.proxyStart();
        aux.start();
        aux.removeTestContainers();
    }

    /** The worker with both environments and {@code dockstat events}, all following the auxiliary engine. */
    private static final class Watchers implements AutoCloseable {
        final WorkerProcess worker;
        final ChildProcess cli;
        private final Path config;

        /**
         * @param cliThroughProxy whether dockstat events goes through the token proxy (else the socket)
         * @param metricsMs the worker's metrics interval
         */
        Watchers(String scenario, boolean cliThroughProxy, long metricsMs) throws IOException {
            worker = new WorkerProcess("outage-" + scenario + "-worker", Map.of("SKIP_DF_COLLECTION", "true"));
            worker.send("{\"type\":\"set_metrics_interval\",\"intervalMs\":" + metricsMs + "}");
            worker.send(WorkerProcess.hawser(1, aux.tokenHostPort(), aux.token()));
            worker.send(WorkerProcess.socket(2, aux.socketUri()));
            config = Files.createTempFile("dst-fa-environments", ".yaml");
            Files.writeString(config, "environments:\n  aux:\n    host: tcp://" + aux.tokenHostPort() + "\n    token: {env: DST_FA_TOKEN}\n");
            List<String> target = cliThroughProxy ? List.of("--config", config.toString(), "--env", "aux") : List.of("-H", aux.socketUri());
            List<String> args = new ArrayList<>(List.of("events", "--format", "json", "--filter", "type=container"));
            args.addAll(target);
            cli = new ChildProcess("outage-" + scenario + "-events", ChildProcess.launcher("dockstat", args.toArray(String[]::new)),
                    Map.of("DST_FA_TOKEN", aux.token()));
            worker.await("both environments online", WAIT, () -> worker.statuses(1).contains(true) && worker.statuses(2).contains(true));
        }

        List<JsonNode> cliEvents() {
            return cli.out().stream().map(l -> AuxEngine.json(l.text())).toList();
        }

        /** What each follower delivered: worker env 1, worker env 2, dockstat events. */
        Map<String, List<JsonNode>> reads() {
            return Map.of("worker env 1 (token proxy)", worker.events(1), "worker env 2 (socket)", worker.events(2),
                    "dockstat events", cliEvents());
        }

        boolean everywhere(Predicate<JsonNode> event) {
            return reads().values().stream().allMatch(events -> events.stream().anyMatch(event));
        }

        /**
         * A container created as a marker, and the time of its create event once every follower has it.
         * At the start the followers may still be opening their streams: a marker none of them could
         * have seen is replaced by another.
         */
        long marker(String name, Duration patience, int attempts) {
            for (int i = 1; i <= attempts; i++) {
                String id = aux.create(name + "-" + i, TestBed.IMAGE, "true");
                Predicate<JsonNode> created = e -> is(e, id, "create");
                try {
                    worker.await("marker " + name + " everywhere", patience, () -> everywhere(created));
                    return worker.events(2).stream().filter(created).findFirst().orElseThrow().path("timeNano").asLong();
                } catch (AssertionError e) {
                    if (i == attempts) {
                        throw new AssertionError(e.getMessage() + "\ndockstat events stderr:\n" + cli.errText(), e);
                    }
                }
            }
            throw new IllegalStateException();
        }

        /** Each follower's events in [from, to] equal the reference, each exactly once. */
        void assertDelivered(List<JsonNode> reference, long from, long to) {
            Map<EventKey, Long> expected = EventKey.counted(reference, from, to);
            assertTrue(expected.values().stream().allMatch(n -> n == 1), "the engine itself reports each event once: " + expected);
            reads().forEach((who, events) -> assertEquals(expected, EventKey.counted(events, from, to),
                    who + " delivered exactly the engine's events of the window"));
        }

        @Override
        public void close() throws IOException {
            worker.send("{\"type\":\"shutdown\"}");
            try {
                assertEquals(0, worker.exitCode(Duration.ofSeconds(10)), "the worker exits 0 on shutdown");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                worker.close();
                cli.close();
                Files.deleteIfExists(config);
            }
            assertEquals(List.of(), worker.invalidLines(), "stdout carries JSON objects only");
        }
    }

    static boolean is(JsonNode event, String id, String action) {
        return EventKey.of(event).id().equals(id) && EventKey.of(event).action().equals(action);
    }

    static long count(List<ChildProcess.Line> lines, String text) {
        return lines.stream().filter(l -> l.text().contains(text)).count();
    }

    /** Holds an outage until it has lasted {@link #OUTAGE}: a time the scenario prescribes, not a condition. */
    static void holdUntil(long epochMillis) throws InterruptedException {
        long left;
        while ((left = epochMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(left);
        }
    }

    static void report(String line) {
        System.out.println("[faults] " + line);
    }

    /**
     * The token proxy goes away for 20 s while the engine stays up and keeps its events: every
     * follower must deliver exactly what {@code docker events --since T0 --until T1} reports.
     */
    @Test
    void pathOutageWhileTheEngineStaysUp() throws Exception {
        try (Watchers w = new Watchers("path", true, 2000)) {
            long t0 = w.marker(P + "start", Duration.ofSeconds(5), 6);
            String c1 = aux.run(P + "c1", "--stop-timeout", "1", TestBed.IMAGE, "sleep", "100000");
            String c2 = aux.create(P + "c2", "--stop-timeout", "1", TestBed.IMAGE, "sleep", "100000");
            w.worker.await("c1 started, everywhere", WAIT, () -> w.everywhere(e -> is(e, c1, "start")));

            long cut = System.currentTimeMillis();
            aux.proxyStop();
            w.worker.await("env 1 offline", WAIT, () -> w.worker.statuses(1).contains(false));
            w.cli.await("dockstat events reports the outage", WAIT, () -> count(w.cli.err(), "Cannot reach") > 0);
            long noticed = System.currentTimeMillis();
            aux.docker("start", c2);
            aux.docker("kill", c1);
            String c3 = aux.run(P + "c3", TestBed.IMAGE, "true");
            aux.docker("rm", c1);
            holdUntil(cut + OUTAGE.toMillis());
            aux.proxyStart();
            long back = System.currentTimeMillis();

            aux.docker("kill", c2);
            aux.docker("rm", c2, c3);
            long t1 = w.marker(P + "end", WAIT, 1);
            long resumed = w.worker.of("env_status", 1).getLast().atMillis();

            List<JsonNode> reference = aux.events(t0, t1 + 1_000_000);
            w.assertDelivered(reference, t0, t1);
            Set<String> during = new HashSet<>();
            EventKey.counted(reference, t0, t1).keySet().stream().filter(k -> k.id().equals(c3)).forEach(k -> during.add(k.action()));
            assertTrue(during.containsAll(List.of("create", "start", "die")), "events during the outage are in the window: " + during);

            assertEquals(List.of(true, false, true), w.worker.statuses(1), "env 1: offline once, online once");
            assertEquals(List.of(true), w.worker.statuses(2), "env 2 (socket) never noticed");
            assertEquals(1, count(w.cli.err(), "Cannot reach"), w.cli.errText());
            assertEquals(1, count(w.cli.err(), "Reconnected"), w.cli.errText());
            long env2MetricsDuring = w.worker.of("metrics", 2).stream().filter(m -> m.atMillis() > noticed && m.atMillis() < back).count();
            assertTrue(env2MetricsDuring >= 3, "env 2 kept its metrics rounds during env 1's outage: " + env2MetricsDuring);
            assertTrue(w.worker.of("metrics", 1).stream().anyMatch(m -> m.atMillis() > back), "env 1's metrics resume");
            report("path outage: " + EventKey.counted(reference, t0, t1).size() + " events in the window (docker events), "
                    + w.worker.events(1).size() + "/" + w.worker.events(2).size() + "/" + w.cliEvents().size()
                    + " delivered (env 1/env 2/dockstat events, markers included), none missing or doubled; env 1 offline "
                    + (w.worker.of("env_status", 1).get(1).atMillis() - cut) + " ms after the cut, online "
                    + (resumed - back) + " ms after the proxy was back; env 2 sent " + env2MetricsDuring + " metrics meanwhile");
        }
    }

    /**
     * The engine stops (SIGTERM), stays down 20 s and starts again, forgetting its events: every
     * follower must deliver what a live {@code docker events} got before the stop plus what the
     * engine reports after the restart, each once; the reconnect pings follow 5 s, 10 s, 20 s.
     */
    @Test
    void engineRestart() throws Exception {
        // metrics once at configure, then not for 10 min: the pings the proxy logs meanwhile are the event stream's reconnects
        long resumeFrom;
        long up;
        try (Watchers w = new Watchers("restart", false, 600_000)) {
            long t0 = w.marker(P + "r-start", Duration.ofSeconds(5), 6);
            ChildProcess live = new ChildProcess("outage-restart-docker-events", aux.dockerCommand("events", "--since",
                    AuxEngine.seconds(t0), "--filter", "type=container", "--format", "{{json .}}"), Map.of());
            String c1 = aux.run(P + "r1", "--restart", "always", "--stop-timeout", "1", TestBed.IMAGE, "sleep", "100000");
            String c2 = aux.run(P + "r2", "--stop-timeout", "1", TestBed.IMAGE, "sleep", "100000");
            String c3 = aux.run(P + "r3", TestBed.IMAGE, "true");
            w.worker.await("r2 started, everywhere", WAIT, () -> w.everywhere(e -> is(e, c2, "start")));
            live.await("docker events saw r2 start", WAIT, () -> live.out().stream().anyMatch(l -> is(AuxEngine.json(l.text()), c2, "start")));

            int logged = aux.accessLog().size();
            long stop = System.currentTimeMillis();
            aux.stop();
            long down = System.currentTimeMillis();
            live.exitCode(Duration.ofSeconds(30)); // docker events ends with the engine
            w.worker.await("both environments offline", WAIT, () -> w.worker.statuses(1).contains(false) && w.worker.statuses(2).contains(false));
            w.cli.await("dockstat events reports the outage", WAIT, () -> count(w.cli.err(), "Cannot reach") > 0);
            holdUntil(down + OUTAGE.toMillis());
            aux.start();
            up = System.currentTimeMillis();

            String c4 = aux.run(P + "r4", TestBed.IMAGE, "true");
            aux.docker("rm", "-f", c2, c3);
            long t1 = w.marker(P + "r-end", WAIT, 1);
            live.close();

            List<JsonNode> before = live.out().stream().map(l -> AuxEngine.json(l.text())).toList();
            long downNanos = down * 1_000_000L; // every event from before the stop is older than the engine's exit
            resumeFrom = w.worker.events(1).stream().mapToLong(e -> e.path("timeNano").asLong()).filter(t -> t < downNanos).max().orElseThrow();
            List<JsonNode> after = aux.events(t0, t1 + 1_000_000);
            Set<EventKey> forgotten = new HashSet<>(EventKey.counted(before, t0, t1).keySet());
            forgotten.retainAll(EventKey.counted(after, t0, t1).keySet());
            assertEquals(Set.of(), forgotten, "the engine forgot its events across the restart (docs/testbed.md: events live in memory only)");
            assertTrue(EventKey.counted(after, t0, t1).keySet().stream().anyMatch(k -> k.id().equals(c1) && k.action().equals("start")),
                    "the engine restarted r1 (--restart always) and reports it");
            assertTrue(EventKey.counted(after, t0, t1).keySet().stream().anyMatch(k -> k.id().equals(c4)), "r4 after the restart");
            List<JsonNode> reference = new ArrayList<>(before);
            reference.addAll(after);
            w.assertDelivered(reference, t0, t1);

            assertEquals(List.of(true, false, true), w.worker.statuses(1), "env 1: offline once, online once");
            assertEquals(List.of(true, false, true), w.worker.statuses(2), "env 2: offline once, online once");
            assertEquals(1, count(w.cli.err(), "Cannot reach"), w.cli.errText());
            assertEquals(1, count(w.cli.err(), "Reconnected"), w.cli.errText());

            // the reconnect schedule, as the proxy saw env 1's pings: failing (502) while the engine was down, then OK
            List<AuxEngine.Request> pings = aux.accessLog().subList(logged, aux.accessLog().size()).stream()
                    .filter(r -> r.path().equals("/_ping") && r.atMillis() >= stop).toList();
            int firstOk = 0;
            while (firstOk < pings.size() && pings.get(firstOk).status() != 200) {
                firstOk++;
            }
            assertTrue(firstOk < pings.size(), "a ping succeeded after the restart: " + pings);
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i <= firstOk; i++) {
                gaps.add(pings.get(i).atMillis() - pings.get(i - 1).atMillis());
            }
            List<Long> expected = List.of(5000L, 10000L, 20000L, 40000L, 60000L);
            assertTrue(gaps.size() >= 3, "at least three retries during a 20 s outage: " + gaps);
            for (int i = 0; i < gaps.size(); i++) {
                long want = expected.get(Math.min(i, expected.size() - 1));
                // Backoff jitters each wait into [step/2, step] so engines that vanish together are not retried in one instant
                assertTrue(gaps.get(i) >= want / 2 - 500 && gaps.get(i) <= want + 1500, "retry " + (i + 1) + " after " + gaps.get(i)
                        + " ms, expected " + (want / 2) + "-" + want + " ms (5 s doubling to 60 s, jittered); gaps " + gaps);
            }
            report("engine restart: engine down " + (up - stop) + " ms (SIGTERM to answering again); " + before.size()
                    + " events seen live before the stop + " + EventKey.counted(after, t0, t1).size() + " reported after the restart = "
                    + EventKey.counted(reference, t0, t1).size() + "; delivered " + w.worker.events(1).size() + "/" + w.worker.events(2).size()
                    + "/" + w.cliEvents().size() + " (env 1/env 2/dockstat events), none missing or doubled; reconnect pings (ms apart) "
                    + gaps + ", first OK ping " + (pings.get(firstOk).atMillis() - up) + " ms after the engine answered");
        }
        // nginx logs a stream when it ends (here: at the worker's shutdown): env 1's stream after the restart
        // asked for the events since the last one it had passed on
        String since = "since=" + AuxEngine.seconds(resumeFrom);
        long back = up;
        List<AuxEngine.Request> streams = aux.accessLog().stream().filter(r -> r.path().endsWith("/events") && r.atMillis() > back).toList();
        assertTrue(streams.stream().anyMatch(r -> r.query().contains(since)), "a stream resumed with " + since + ": " + streams);
        report("engine restart: env 1 resumed its stream with " + since + " (the last event it had passed on)");
    }
}
