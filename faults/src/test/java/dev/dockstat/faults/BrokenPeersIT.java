package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.events.EngineEvent;
import dev.dockstat.core.events.EventFollower;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Reachability;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.PoolSizes;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCollector;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.faults.BrokenPeer.Fault;
import dev.dockstat.faults.BrokenPeer.Target;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Peers that break the protocol ({@link BrokenPeer}, a fake), through core's client, collector and
 * follower: each failure takes the time docs/serve-ipc.md gives the request, leaves the other containers
 * of the round alone, is one line that says what failed, and 100 of them leave no thread and no
 * descriptor behind.
 */
@Order(2)
class BrokenPeersIT {

    /** Failures counted for the leak check, and how many run at once. */
    static final int FAILURES = 100;
    private static final int AT_ONCE = 20;
    /** The deadline used for the 100 (the protocol's own is checked once per fault). */
    private static final Duration SHORT = Duration.ofMillis(300);

    private static final TransportRegistry REGISTRY = TransportRegistry.load();

    static DockerClient client(BrokenPeer peer) throws Exception {
        Endpoint endpoint = Endpoint.of("tcp://127.0.0.1:" + peer.port());
        return new DockerClient(endpoint, REGISTRY.open(endpoint));
    }

    static DockerClient tlsClient(BrokenPeer peer) throws Exception {
        TlsMaterial tls = new TlsMaterial(Optional.of(TestBed.get().pem("ca.pem")), Optional.empty(), Optional.empty(), false, Optional.empty());
        Endpoint endpoint = Endpoint.of("tcp://127.0.0.1:" + peer.port()).withTls(tls);
        return new DockerClient(endpoint, REGISTRY.open(endpoint));
    }

    @FunctionalInterface
    interface Failing {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface FailingWith {
        void run(DockerClient client) throws Exception;
    }

    @FunctionalInterface
    interface Opener {
        DockerClient open() throws Exception;
    }

    /** Runs {@code attempt}, which must fail, and returns the failure after checking it is one line. */
    static Exception fails(String what, Failing attempt) {
        Exception e = assertThrows(Exception.class, attempt::run, what + " must fail");
        assertNotNull(e.getMessage(), what);
        assertFalse(e.getMessage().contains("\n"), what + ": one line: " + e.getMessage());
        return e;
    }

    /**
     * {@link #FAILURES} failures, {@link #AT_ONCE} at a time, on a client of their own after a
     * warm-up of the same kind: while the client is open the peer holds no more connections than the
     * client's pools could use at once (a keep-alive pool keeps those for reuse; the count does not
     * grow with the failures), and once it is closed this JVM has no more threads and descriptors
     * than before the client was opened.
     */
    static void hundredFailures(String what, BrokenPeer peer, Opener opener, FailingWith attempt) throws Exception {
        hundredFailures(what, peer, opener, attempt, null);
    }

    /** @param healthy a request that must still work after the failures (e.g. a healthy container's stats), or null */
    static void hundredFailures(String what, BrokenPeer peer, Opener opener, FailingWith attempt, FailingWith healthy) throws Exception {
        Resources before = Resources.now();
        int peerBefore = peer.openConnections(); // the test's other client may keep a few idle ones
        long millis;
        int held;
        Resources during;
        try (DockerClient client = opener.open()) {
            batch(what, () -> attempt.run(client), AT_ONCE);
            long t0 = System.nanoTime();
            for (int done = 0; done < FAILURES; done += AT_ONCE) {
                batch(what, () -> attempt.run(client), AT_ONCE);
            }
            millis = (System.nanoTime() - t0) / 1_000_000;
            // the peer notices a closed connection on its own thread: give it a moment
            // at most AT_ONCE on the pool of the failing requests, and the request pool's: the first requests
            // of a new client each learn the API version with a ping of their own
            int bound = peerBefore + AT_ONCE + PoolSizes.DEFAULTS.request();
            TestBed.await(what + ": the peer holds no more connections than the client's pools could use at once (" + bound + ")",
                    Duration.ofSeconds(10), () -> peer.openConnections() <= bound);
            during = Resources.now();
            held = peer.openConnections() - peerBefore;
            if (healthy != null) {
                healthy.run(client); // the pool is not exhausted by the failures
            }
        }
        Resources after = Resources.settledAt(before, what + ": threads and descriptors back to where they were");
        report(what + ": " + FAILURES + " failures (+" + AT_ONCE + " warm-up) in " + millis + " ms; before " + before
                + "; right after them " + during + " with " + held + " pooled connections; after close " + after);
    }

    private static void batch(String what, Failing attempt, int n) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Exception>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> fails(what, attempt)));
            }
            for (Future<Exception> f : results) {
                Captured.keep("broken-peers", what + ": " + f.get().getMessage() + " | " + f.get());
            }
        }
    }

    static void report(String line) {
        System.out.println("[faults] " + line);
        Captured.keep("broken-peers", line);
    }

    static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"NEVER_ANSWERS", "STALLS_BODY", "CLOSES_MID_CHUNK", "INVALID_JSON", "EMPTY_BODY"})
    void aStatsRequestThatBreaks(Fault fault) throws Exception {
        try (BrokenPeer peer = BrokenPeer.start(fault, Target.STATS_OF_BAD); DockerClient client = client(peer)) {
            long t0 = System.nanoTime();
            Exception e = fails("stats", () -> client.stats(BrokenPeer.BAD, DockerClient.StatsMode.ONE_SHOT));
            long took = millisSince(t0);
            assertTrue(e instanceof DockerException, e.toString());
            assertTrue(e.getMessage().contains(BrokenPeer.BAD), "names the container: " + e.getMessage());
            boolean hangs = fault == Fault.NEVER_ANSWERS || fault == Fault.STALLS_BODY;
            if (hangs) {
                assertTrue(took >= 9_900 && took < 11_500, "the protocol's 10 s stats deadline, took " + took + " ms");
            } else {
                assertTrue(took < 2_000, "fails at once, took " + took + " ms");
            }
            report(fault + " stats: failed after " + took + " ms: " + e.getMessage());

            try (StatsCollector collector = new StatsCollector(client)) {
                Round round = collector.collect(c -> true);
                assertEquals(Set.of(BrokenPeer.GOOD1, BrokenPeer.GOOD2),
                        round.stats().stream().map(ContainerStats::id).collect(Collectors.toSet()), "the others are read");
                assertEquals(Set.of(BrokenPeer.BAD), round.failures().keySet(), "only the broken one fails");
                assertTrue(round.took().toMillis() < 5_000, "the round does not wait for the broken one: " + round.took());
                report(fault + " stats in a round: " + round.stats().size() + " read, 1 failed in " + round.took().toMillis()
                        + " ms: " + round.failures().get(BrokenPeer.BAD));
            }
            hundredFailures(fault + " stats", peer, () -> client(peer), c -> c.stats(BrokenPeer.BAD, DockerClient.StatsMode.ONE_SHOT, SHORT),
                    c -> c.stats(BrokenPeer.GOOD1, DockerClient.StatsMode.ONE_SHOT));
        }
    }

    @Test
    void aTlsHandshakeThatNeverCompletes() throws Exception {
        try (BrokenPeer peer = BrokenPeer.start(Fault.NEVER_ANSWERS, Target.EVERY_REQUEST); DockerClient client = tlsClient(peer)) {
            long t0 = System.nanoTime();
            Exception e = fails("TLS ping", () -> client.ping(DockerClient.PING_TIMEOUT));
            long took = millisSince(t0);
            assertTrue(took >= 4_900 && took < 6_500, "the protocol's 5 s ping deadline bounds the handshake, took " + took + " ms");
            assertTrue(peer.faults() == 0 && peer.openConnections() <= 1, "the peer got no HTTP request, only a ClientHello");
            report("TLS handshake never completed: ping failed after " + took + " ms: " + e.getMessage());
            hundredFailures("TLS handshake", peer, () -> tlsClient(peer), c -> c.ping(SHORT));
        }
    }

    @Test
    void aFiveMegabyteEventLineIsSkippedAndTheStreamCarriesOn() throws Exception {
        try (BrokenPeer peer = BrokenPeer.start(Fault.HUGE_EVENT_LINE, Target.EVENTS); DockerClient client = client(peer)) {
            Followed f = Followed.start(client, new Backoff());
            List<EngineEvent> events = f.events();
            List<String> diagnostics = f.diagnostics();
            List<Boolean> statuses = f.statuses();
            TestBed.await("the ordinary event after the huge line", Duration.ofSeconds(20), () -> !events.isEmpty());
            f.stop();
            assertEquals(BrokenPeer.ACTION, events.getFirst().action());
            assertEquals(List.of("skipped an event line longer than " + EventLines.MAX_LINE + " bytes"), diagnostics);
            assertEquals(List.of(true), statuses);
            Captured.keep("broken-peers", diagnostics);
            report("5 MB event line: skipped with one diagnostic (" + diagnostics.getFirst() + "), the next event delivered");
            hundredFailures("5 MB event line", peer, () -> client(peer), c -> {
                try (EventLines lines = c.events(EventQuery.containers())) {
                    EngineEvent next = EngineEvent.parse(lines.next());
                    if (lines.oversized() == 1 && next != null && next.action().equals(BrokenPeer.ACTION)) {
                        throw new IOException("skipped " + lines.oversized() + " line, then read the event"); // the expected outcome
                    }
                }
            });
        }
    }

    @Test
    void anEventStreamCutMidChunkIsReopened() throws Exception {
        try (BrokenPeer peer = BrokenPeer.start(Fault.CLOSES_MID_CHUNK, Target.EVENTS); DockerClient client = client(peer)) {
            Followed f = Followed.start(client, new Backoff(Duration.ofMillis(200), Duration.ofMillis(400)));
            List<String> diagnostics = f.diagnostics();
            List<Boolean> statuses = f.statuses();
            TestBed.await("three reconnects", Duration.ofSeconds(20), () -> peer.faults() >= 3);
            f.stop();
            assertTrue(diagnostics.size() >= 2 && diagnostics.stream().allMatch(d -> d.startsWith("event stream broke: ")), diagnostics.toString());
            assertEquals(List.of(true), statuses, "the engine answers pings: it stays online");
            Captured.keep("broken-peers", diagnostics);
            report("event stream cut mid-chunk: reopened " + peer.faults() + " times, one diagnostic each: " + diagnostics.getFirst());
            hundredFailures("event stream cut mid-chunk", peer, () -> client(peer), c -> {
                try (EventLines lines = c.events(EventQuery.containers())) {
                    lines.next();
                }
            });
        }
    }

    @Test
    void anEventStreamThatNeverOpensTimesOut() throws Exception {
        try (BrokenPeer peer = BrokenPeer.start(Fault.NEVER_ANSWERS, Target.EVENTS); DockerClient client = client(peer)) {
            long t0 = System.nanoTime();
            Exception e = fails("events", () -> client.events(EventQuery.containers()).close());
            long took = millisSince(t0);
            assertTrue(took >= 9_900 && took < 11_500, "the 10 s deadline for a stream's headers, took " + took + " ms");
            report("event stream never answered: failed after " + took + " ms: " + e.getMessage());
        }
    }

    /** A follower on its own thread, with what it reported. */
    private record Followed(EventFollower follower, Thread thread, List<EngineEvent> events, List<String> diagnostics,
            List<Boolean> statuses) {

        static Followed start(DockerClient client, Backoff backoff) {
            List<EngineEvent> events = new CopyOnWriteArrayList<>();
            List<String> diagnostics = new CopyOnWriteArrayList<>();
            List<Boolean> statuses = new CopyOnWriteArrayList<>();
            EventFollower follower = new EventFollower(client, EventQuery.containers(), 0,
                    new Reachability((online, error) -> statuses.add(online)), EventFollower.Listener.of(events::add, diagnostics::add), backoff);
            return new Followed(follower, Thread.ofVirtual().start(follower::run), events, diagnostics, statuses);
        }

        void stop() throws InterruptedException {
            follower.close();
            thread.join(Duration.ofSeconds(2));
            assertFalse(thread.isAlive(), "the follower stops on close");
        }
    }
}
