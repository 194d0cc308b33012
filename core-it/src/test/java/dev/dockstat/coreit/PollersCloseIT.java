package dev.dockstat.coreit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.history.HistoryBatch;
import dev.dockstat.core.history.MetricHistory;
import dev.dockstat.core.stats.ContainerHistories;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCollector;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.Leaks;
import dev.dockstat.testbed.TestBed;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancelling an environment's pollers on the real engine over the unix socket: requests blocked
 * in a socket read (a first reading with precpu takes the engine ~2 s) end within a second of
 * close, and no thread or socket is left behind.
 */
class PollersCloseIT {

    private static final String[] NAMES = {"dst-me-close-1", "dst-me-close-2", "dst-me-close-3"};

    @BeforeAll
    static void containers() throws Exception {
        for (String name : NAMES) {
            TestBed.idle(name);
        }
        // junixsocket keeps a few sockets of its own from the first connection on: count from after it
        try (DockerClient warmUp = connect()) {
            warmUp.ping(DockerClient.PING_TIMEOUT);
        }
    }

    @AfterAll
    static void remove() {
        TestBed.remove(NAMES);
    }

    private static DockerClient connect() throws Exception {
        return TestBed.get().socketEnvironment().connect(TransportRegistry.load());
    }

    @Test
    void closingACollectorMidRoundEndsItsRequestsWithinASecond() throws Exception {
        long socketsBefore = Leaks.openSockets();
        var threads = new Leaks.TrackedThreads("it-stats-");
        DockerClient client = connect();
        StatsCollector collector = new StatsCollector(client, StatsCollector.DEFAULT_CONCURRENCY, threads);
        CompletableFuture<Round> round = CompletableFuture.supplyAsync(() -> collector.collect(c -> c.name().startsWith("dst-me-close-")));
        TestBed.await("three requests in flight", Duration.ofSeconds(10), () -> threads.alive() == 3);

        long t0 = System.nanoTime();
        collector.close();
        TestBed.await("request threads ended", Duration.ofSeconds(1).minusNanos(System.nanoTime() - t0), () -> threads.alive() == 0);
        Round cut = round.get();
        assertEquals(3, cut.failures().size() + cut.stats().size());
        assertTrue(cut.failures().size() > 0, "the round was cut short: " + cut);

        client.close();
        TestBed.await("sockets back to " + socketsBefore, Duration.ofSeconds(2), () -> Leaks.openSockets() <= socketsBefore);
    }

    @Test
    void closingHistoriesStopsTheirPollersWithinASecond() throws Exception {
        long socketsBefore = Leaks.openSockets();
        var threads = new Leaks.TrackedThreads("it-history-");
        DockerClient client = connect();
        ContainerHistories histories = new ContainerHistories(client, Duration.ofMillis(200), Duration.ofMinutes(30),
                MetricHistory.DEFAULT_CAPACITY, Clock.systemUTC(), threads);
        HistoryBatch batch = new HistoryBatch();
        for (String name : NAMES) {
            assertTrue(histories.read(name, 0, batch).running());
        }
        TestBed.await("a point of each container", Duration.ofSeconds(15), () -> {
            for (String name : NAMES) {
                if (histories.read(name, 0, batch).points().size() == 0) {
                    return false;
                }
            }
            return true;
        });
        assertEquals(3, histories.active());

        long t0 = System.nanoTime();
        histories.close();
        TestBed.await("poller threads ended", Duration.ofSeconds(1).minusNanos(System.nanoTime() - t0), () -> threads.alive() == 0);
        assertEquals(0, histories.active());
        assertEquals(3, threads.made());

        client.close();
        TestBed.await("sockets back to " + socketsBefore, Duration.ofSeconds(2), () -> Leaks.openSockets() <= socketsBefore);
    }
}
