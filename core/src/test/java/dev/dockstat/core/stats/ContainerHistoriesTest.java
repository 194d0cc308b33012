package dev.dockstat.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.history.HistoryBatch;
import dev.dockstat.testbed.FakeDockerEngine;
import dev.dockstat.testbed.FakeDockerEngine.Behaviour;
import dev.dockstat.testbed.Leaks;
import dev.dockstat.testbed.TestBed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-container pollers against a fake engine, with a clock the test moves. */
class ContainerHistoriesTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration IDLE = Duration.ofMinutes(30);

    /** A clock that only moves when told to. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private FakeDockerEngine fake;
    private DockerClient client;
    private final TestClock clock = new TestClock();
    private final Leaks.TrackedThreads threads = new Leaks.TrackedThreads("test-history-");
    private ContainerHistories histories;

    @BeforeEach
    void start() throws Exception {
        fake = FakeDockerEngine.start().container("aaaa", "web", Behaviour.NORMAL);
        client = fake.client();
        histories = new ContainerHistories(client, INTERVAL, IDLE, 100, clock, threads);
    }

    @AfterEach
    void stop() {
        histories.close();
        client.close();
        fake.close();
    }

    @Test
    void theFirstReadStartsAPollerWhosePointsFollow() {
        HistoryBatch batch = new HistoryBatch();
        ContainerHistories.Read first = histories.read("web", 0, batch);
        assertEquals("aaaa", first.containerId());
        assertTrue(first.running());
        assertEquals(1, histories.active());

        long[] cursor = {batch.next()};
        TestBed.await("three points", Duration.ofSeconds(5), () -> {
            histories.read("web", 0, batch);
            return batch.size() >= 3;
        });
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(50.0f, batch.cpu(i));
            assertEquals(15.625f, batch.mem(i)); // (12 MiB - 2 MiB inactive file) of 64 MiB
            assertEquals(clock.millis(), batch.time(i));
        }
        assertFalse(batch.gap());
        assertEquals(0, cursor[0]);
        List<String> queries = fake.statsQueries("aaaa");
        assertEquals("stream=false", queries.get(0), "first reading carries the engine's precpu");
        assertEquals("stream=false&one-shot=true", queries.get(1));
    }

    @Test
    void aPollerNobodyReadsStopsAfterTheIdleTimeout() {
        HistoryBatch batch = new HistoryBatch();
        histories.read("web", 0, batch);
        // ten points, so the cursor stays ahead of the next history even if that one's poller appends
        // a point or two before it is read (seen on a busy CI machine with a cursor of 1)
        TestBed.await("ten points", Duration.ofSeconds(10), () -> histories.read("web", 0, batch).points().size() >= 10);
        long cursor = batch.next();

        clock.advance(IDLE.minusSeconds(1));
        TestBed.await("a few more readings", Duration.ofSeconds(5), () -> fake.statsQueries("aaaa").size() > cursor + 3);
        assertEquals(1, histories.active(), "still within the timeout");

        clock.advance(Duration.ofSeconds(2));
        TestBed.await("the idle poller stopped", Duration.ofSeconds(2), () -> histories.active() == 0 && threads.alive() == 0);

        // reading again starts a new history: the old cursor is ahead of it, which is reported as a gap
        ContainerHistories.Read again = histories.read("web", cursor, batch);
        assertTrue(again.running());
        assertTrue(batch.gap());
        assertEquals(1, histories.active());
    }

    @Test
    void readingKeepsThePollerAlive() {
        HistoryBatch batch = new HistoryBatch();
        histories.read("web", 0, batch);
        for (int i = 0; i < 4; i++) {
            clock.advance(IDLE.minusMinutes(1));
            histories.read("web", batch.next(), batch);
            int before = fake.statsQueries("aaaa").size();
            TestBed.await("more readings", Duration.ofSeconds(5), () -> fake.statsQueries("aaaa").size() > before + 1);
        }
        assertEquals(1, histories.active());
    }

    @Test
    void unknownAndStoppedContainersGiveNoPoints() {
        HistoryBatch batch = new HistoryBatch();
        ContainerHistories.Read unknown = histories.read("nope", 7, batch);
        assertFalse(unknown.running());
        assertEquals("nope", unknown.containerId());
        assertEquals(0, batch.size());
        assertEquals(7, batch.next());
        assertEquals(0, histories.active());

        histories.read("web", 0, batch);
        TestBed.await("a point", Duration.ofSeconds(5), () -> histories.read("web", 0, batch).points().size() > 0);
        fake.setRunning("aaaa", false);
        ContainerHistories.Read stopped = histories.read("web", 0, batch);
        assertFalse(stopped.running());
        assertEquals(0, batch.size());
        assertEquals(0, batch.next());
    }

    @Test
    void closeStopsEveryPollerWithinASecondAndLeaksNoThreadOrConnection() {
        fake.container("cccc", "slow", Behaviour.HANG);
        HistoryBatch batch = new HistoryBatch();
        histories.read("web", 0, batch);
        histories.read("slow", 0, batch);
        TestBed.await("the slow poller hanging", Duration.ofSeconds(5), () -> fake.hanging() == 1);
        TestBed.await("web's poller reading", Duration.ofSeconds(5), () -> fake.statsQueries("aaaa").size() > 2);
        long connected = Leaks.establishedTo(fake.port());

        long t0 = System.nanoTime();
        histories.close();
        TestBed.await("poller threads ended", Duration.ofSeconds(1).minusNanos(System.nanoTime() - t0),
                () -> threads.alive() == 0);
        assertEquals(0, histories.active());
        assertEquals(2, threads.made());
        TestBed.await("the hung connection closed", Duration.ofSeconds(1), () -> Leaks.establishedTo(fake.port()) < connected);
        assertFalse(histories.read("web", 0, batch).running(), "a closed history starts no poller");
        assertEquals(0, threads.alive());
        client.close();
        TestBed.await("no client connection to the fake", Duration.ofSeconds(1), () -> Leaks.establishedTo(fake.port()) == 0);
    }
}
