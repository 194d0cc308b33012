package dev.dockstat.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import dev.dockstat.core.transport.HttpClientTransport;
import dev.dockstat.testbed.FakeDockerEngine;
import dev.dockstat.testbed.FakeDockerEngine.Behaviour;
import dev.dockstat.testbed.Leaks;
import dev.dockstat.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rounds against a fake engine ({@link FakeDockerEngine}), for what the real engine cannot show on
 * demand: a container whose stats request hangs, one whose stats fail, a counter reset.
 */
class StatsCollectorTest {

    private FakeDockerEngine fake;
    private HttpClientTransport transport;
    private DockerClient client;

    @BeforeEach
    void start() throws Exception {
        fake = FakeDockerEngine.start()
                .container("aaaa", "web", Behaviour.NORMAL)
                .container("bbbb", "db", Behaviour.NORMAL);
        transport = fake.transport();
        client = new DockerClient(dev.dockstat.core.spi.Endpoint.of(fake.uri()), transport);
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void aNewContainerIsReadTwiceAndLaterRoundsOnceEachFromOurOwnPreviousReading() {
        try (StatsCollector collector = new StatsCollector(client)) {
            Round first = collector.collect(c -> true);
            Round second = collector.collect(c -> true);
            for (Round r : List.of(first, second)) {
                assertEquals(Map.of(), r.failures());
                assertEquals(2, r.stats().size());
                for (ContainerStats s : r.stats()) {
                    assertEquals(50.0, s.cpuPercent(), 1e-9, s.name());
                    assertEquals(10L << 20, s.memUsed());
                }
            }
            String oneShot = "stream=false&one-shot=true";
            // the first round's primer is one new container, read twice; the other new one asks for the engine's precpu
            assertEquals(Set.of(List.of(oneShot, oneShot, oneShot), List.of("stream=false", oneShot)),
                    Set.of(fake.statsQueries("aaaa"), fake.statsQueries("bbbb")));
            assertEquals(100.0, second.cpuPercentSum(), 1e-9);
        }
    }

    /**
     * Against dockerd the round's other requests wait for its primer's answer (a new container's
     * first reading; else one known container's), so that all of them reach the engine's collector
     * while it sleeps after that reading and are answered at its next tick.
     */
    @Test
    void theRestOfARoundIsSentAfterItsPrimerIsAnswered() throws InterruptedException {
        try (StatsCollector collector = new StatsCollector(client)) {
            collector.collect(c -> true);
            fake.container("cccc", "new", Behaviour.NORMAL);
            int before = fake.statsQueries().size();
            Thread.sleep(1100); // the condition itself: a collector left alone for more than a tick is idle again
            collector.collect(c -> true);
            List<String> round = fake.statsQueries().subList(before, fake.statsQueries().size()).stream()
                    .map(q -> q.substring(0, 4)).toList();
            assertEquals(4, round.size(), round.toString());
            assertEquals("cccc", round.get(0), "the new container's first reading goes first: " + round);
            assertEquals(List.of("aaaa", "bbbb", "cccc"), round.subList(1, 4).stream().distinct().sorted().toList());

            before = fake.statsQueries().size();
            collector.collect(c -> true);
            List<String> next = fake.statsQueries().subList(before, fake.statsQueries().size());
            assertEquals(3, next.size(), "one reading each once all are known: " + next);
        }
    }

    /**
     * The rest of a primed round goes late in the tick its primer's answer started: dockerd answers
     * it at the same next tick, and its connections and threads are held for the end of the tick
     * only. With rounds 10 s or more apart, each stats request also asks for its connection to be
     * closed with the answer, which would be of no use to the next round.
     */
    @Test
    void theRestOfAPrimedRoundIsSentLateInTheTickOnConnectionsOfOneUse() throws Exception {
        record Sent(String target, long nanos, String connection) {}
        List<Sent> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        Transport recording = new Transport() {
            @Override
            public TransportResponse execute(TransportRequest request) throws java.io.IOException {
                if (request.target().contains("/stats")) {
                    sent.add(new Sent(request.target(), System.nanoTime(), request.headers().get("Connection")));
                }
                return transport.execute(request);
            }

            @Override
            public void close() {
                transport.close();
            }
        };
        try (DockerClient recorded = new DockerClient(dev.dockstat.core.spi.Endpoint.of(fake.uri()), recording);
                StatsCollector collector = new StatsCollector(recorded)) {
            recorded.statsRoundsEvery(Duration.ofSeconds(30));
            collector.collect(c -> true);
            assertEquals(3, sent.size(), "the primer's two readings and the other container's one: " + sent);
            Sent primer = sent.getFirst();
            String primed = primer.target().split("/")[3]; // /v1.41/containers/ID/stats?...
            Sent rest = sent.stream().filter(r -> !r.target().split("/")[3].equals(primed)).findFirst().orElseThrow();
            long lateMillis = (rest.nanos() - primer.nanos()) / 1_000_000;
            assertTrue(lateMillis >= StatsCollector.REST_DELAY.toMillis() - 100 && lateMillis < 1000,
                    "the rest went " + lateMillis + " ms after the primer");
            assertEquals(List.of("close"), sent.stream().map(Sent::connection).distinct().toList());

            sent.clear();
            recorded.statsRoundsEvery(Duration.ofSeconds(2));
            collector.collect(c -> true);
            assertEquals(2, sent.size(), sent.toString());
            assertEquals(java.util.Collections.singletonList(null), sent.stream().map(Sent::connection).distinct().toList(),
                    "rounds 2 s apart keep their connections for the next one");
        }
    }

    /**
     * A round right after another finds dockerd's collector asleep until its next tick: sent all at
     * once, the requests share that tick, and a primer would only cost the round a tick.
     */
    @Test
    void aRoundWithinATickOfTheLastAnswerNeedsNoPrimer() {
        try (StatsCollector collector = new StatsCollector(client)) {
            collector.collect(c -> true);
            fake.container("cccc", "new", Behaviour.NORMAL);
            int before = fake.statsQueries().size();
            collector.collect(c -> true);
            List<String> round = fake.statsQueries().subList(before, fake.statsQueries().size());
            assertEquals(List.of("aaaa?stream=false&one-shot=true", "bbbb?stream=false&one-shot=true", "cccc?stream=false"),
                    round.stream().sorted().toList(), "the new container asks for the engine's precpu, no primer");
        }
    }

    @Test
    void aRestartedContainerHasNoCpuFigureForOneRound() {
        try (StatsCollector collector = new StatsCollector(client)) {
            collector.collect(c -> true);
            fake.restart("aaaa");
            Round afterRestart = collector.collect(c -> true);
            Round next = collector.collect(c -> true);
            assertFalse(byName(afterRestart).get("web").hasCpu(), "a counter that went backwards gives no value");
            assertEquals(50.0, byName(afterRestart).get("db").cpuPercent(), 1e-9);
            assertEquals(50.0, byName(next).get("web").cpuPercent(), 1e-9);
        }
    }

    @Test
    void aHangingAndAFailingContainerDoNotHoldUpOrFailTheRound() {
        fake.container("cccc", "slow", Behaviour.HANG).container("dddd", "broken", Behaviour.FAIL);
        try (StatsCollector collector = new StatsCollector(client)) {
            Round first = collector.collect(c -> true);
            assertEquals(List.of("db", "web"), first.stats().stream().map(ContainerStats::name).sorted().toList());
            assertEquals("stats: no answer within the round", first.failures().get("cccc"));
            assertTrue(first.failures().get("dddd").contains("cgroup read failed for broken"), first.failures().get("dddd"));
            // the hanging request's own deadline is 10 s; the round ended at its soft deadline
            assertTrue(first.took().compareTo(DockerClient.STATS_TIMEOUT) < 0, "round took " + first.took());

            Round second = collector.collect(c -> true);
            assertEquals(2, second.stats().size());
            assertEquals(1, fake.statsQueries("cccc").size(), "a request still running is awaited again, not repeated");
            assertEquals(1, fake.hanging());
        }
    }

    @Test
    void closeStopsEveryRequestWithinASecondAndLeaksNoThreadOrConnection() throws Exception {
        long socketsBefore = Leaks.openSockets();
        fake.container("cccc", "slow", Behaviour.HANG).container("eeee", "slow2", Behaviour.HANG);
        var threads = new Leaks.TrackedThreads("test-stats-");
        StatsCollector collector = new StatsCollector(client, StatsCollector.DEFAULT_CONCURRENCY, threads);
        CompletableFuture<Round> round = CompletableFuture.supplyAsync(() -> collector.collect(c -> true));
        TestBed.await("both hanging requests at the fake", Duration.ofSeconds(5), () -> fake.hanging() == 2);
        TestBed.await("the other requests answered", Duration.ofSeconds(5), () -> threads.alive() == 2);
        long connected = Leaks.establishedTo(fake.port());
        assertEquals(5, threads.made(), "a first round: the primer's two readings, one of each other container");

        long t0 = System.nanoTime();
        collector.close();
        TestBed.await("request threads ended", Duration.ofSeconds(1).minusNanos(System.nanoTime() - t0),
                () -> threads.alive() == 0);
        Round cut = round.get();
        assertEquals(2, cut.stats().size());
        assertEquals(2, cut.failures().size(), "the hung containers are failures of the round: " + cut.failures());
        TestBed.await("the two hung connections closed", Duration.ofSeconds(1),
                () -> Leaks.establishedTo(fake.port()) == connected - 2);

        client.close();
        assertEquals(0, transport.openConnections());
        TestBed.await("no client connection to the fake", Duration.ofSeconds(1), () -> Leaks.establishedTo(fake.port()) == 0);
        fake.close();
        TestBed.await("sockets back to " + socketsBefore, Duration.ofSeconds(5), () -> Leaks.openSockets() <= socketsBefore);
    }

    @Test
    void closingTwiceAndCollectingAfterCloseFailCleanly() {
        StatsCollector collector = new StatsCollector(client);
        collector.close();
        collector.close();
        Round r = collector.collect(c -> true);
        assertEquals(0, r.stats().size());
        assertEquals("stats: collector closed", r.failures().get("aaaa"));
    }

    @Test
    void aRequestFailingWithoutAMessageIsStillAFailureOfItsContainerOnly() {
        // a transport that lets one container's stats fail the way an aborted HTTP exchange can
        Transport failing = new Transport() {
            @Override
            public TransportResponse execute(TransportRequest request) throws java.io.IOException {
                if (request.target().contains("/containers/bbbb/stats")) {
                    throw new java.util.concurrent.CancellationException();
                }
                return transport.execute(request);
            }

            @Override
            public void close() {
                transport.close();
            }
        };
        try (StatsCollector collector = new StatsCollector(new DockerClient(client.endpoint(), failing))) {
            Round round = collector.collect(c -> true);
            assertEquals(List.of("web"), round.stats().stream().map(ContainerStats::name).toList());
            assertEquals("stats: CancellationException", round.failures().get("bbbb"));
        }
    }

    private static Map<String, ContainerStats> byName(Round r) {
        return r.stats().stream().collect(Collectors.toMap(ContainerStats::name, s -> s));
    }
}
