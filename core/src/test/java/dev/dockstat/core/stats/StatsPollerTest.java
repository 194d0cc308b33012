package dev.dockstat.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EngineStatsSource;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Reachability;
import dev.dockstat.testbed.FakeDockerEngine;
import dev.dockstat.testbed.FakeDockerEngine.Behaviour;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one stats loop: its round limit, its failure policy (reachability once, backoff skipping
 * scheduled rounds) and its two ways to end, against a fake engine and an engine that is away.
 */
class StatsPollerTest {

    /** What a listener heard, in order. */
    static final class Heard implements StatsPoller.Listener {
        final List<Round> rounds = new CopyOnWriteArrayList<>();
        final List<StatsPoller.Failure> failures = new CopyOnWriteArrayList<>();
        final List<String> status = new CopyOnWriteArrayList<>();
        final CountDownLatch firstRound = new CountDownLatch(1);
        final CountDownLatch twoRounds = new CountDownLatch(2);

        Reachability reachability() {
            return new Reachability((online, error) -> status.add(online ? "online" : "offline: " + error));
        }

        @Override
        public void collected(Round round) {
            rounds.add(round);
            firstRound.countDown();
            twoRounds.countDown();
        }

        @Override
        public void failed(StatsPoller.Failure failure) {
            failures.add(failure);
            firstRound.countDown();
        }
    }

    /** A client of an engine that is gone: its port was just closed. */
    private static DockerClient away() throws Exception {
        FakeDockerEngine fake = FakeDockerEngine.start();
        DockerClient client = fake.client();
        fake.close();
        return client;
    }

    @Test
    void runsTheScheduledRoundsThenReturns() throws Exception {
        try (FakeDockerEngine fake = FakeDockerEngine.start().container("aaaa", "web", Behaviour.NORMAL);
                DockerClient client = fake.client()) {
            Heard heard = new Heard();
            try (StatsPoller poller = StatsPoller.of(client, Duration.ofMillis(20)).rounds(3)
                    .reachability(heard.reachability()).listener(heard)) {
                poller.run();
            }
            assertEquals(3, heard.rounds.size());
            assertEquals(List.of(), heard.failures);
            assertEquals(List.of("online"), heard.status, "the first round is heard, then only changes");
            heard.rounds.forEach(r -> assertEquals(1, r.stats().size()));
        }
    }

    /**
     * A source that reads when asked, whose first round (a slow engine's first answers) takes longer
     * than the interval: the next round waits half an interval, so the second row covers that much,
     * not the few milliseconds between the two rounds. Its readings' times are kept.
     */
    @Test
    void aLateRoundOfASourceThatReadsWhenAskedIsFollowedHalfAnIntervalAfterItsEnd() throws Exception {
        try (FakeDockerEngine fake = FakeDockerEngine.start().container("aaaa", "web", Behaviour.NORMAL);
                DockerClient client = fake.client()) {
            List<Long> readings = new CopyOnWriteArrayList<>();
            client.useStatsSource(readingWhenAsked(client, readings, Duration.ofMillis(300)));
            Heard heard = new Heard();
            try (StatsPoller poller = StatsPoller.of(client, Duration.ofMillis(200)).rounds(3).listener(heard)) {
                poller.run();
            }
            assertEquals(3, heard.rounds.size());
            long gap = Duration.ofNanos(readings.get(1) - readings.get(0)).toMillis();
            assertTrue(gap >= 100, "the second reading " + gap + " ms after the first; at least half the 200 ms interval");
            long next = Duration.ofNanos(readings.get(2) - readings.get(1)).toMillis();
            assertTrue(next >= 190, "then the interval again: " + next + " ms");
        }
    }

    /**
     * A source that reads when asked (its spacing is not zero, as the kernel's files), over the
     * fake engine's answers; its first reading takes {@code firstTakes} more, and each reading's
     * time goes to {@code readings}.
     */
    private static StatsSource readingWhenAsked(DockerClient client, List<Long> readings, Duration firstTakes) {
        EngineStatsSource engine = new EngineStatsSource(client);
        return new StatsSource() {
            @Override
            public String name() {
                return "reads-when-asked";
            }

            @Override
            public StatsSample sample(String idOrName, DockerClient.StatsMode mode) {
                StatsSample s = engine.sample(idOrName, mode);
                if (readings.isEmpty()) {
                    try {
                        Thread.sleep(firstTakes); // the slow first round, part of this fake source's behaviour
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                readings.add(System.nanoTime());
                return s;
            }

            @Override
            public Duration spacing() {
                return Duration.ofMillis(50);
            }
        };
    }

    /**
     * The half interval a source that reads when asked waits after a round is the interval's as
     * it is when the wait ends: serve-ipc starts with Dockhand's 30 s and hears set_metrics_interval
     * a moment later, and a first round that ended before that waited 15 s, not half a second
     * (serve-ipc.test.mjs saw one metrics message of the socket environment in 5 s).
     */
    @Test
    void anIntervalShortenedAfterARoundOfASourceThatReadsWhenAskedTakesEffectAtOnce() throws Exception {
        try (FakeDockerEngine fake = FakeDockerEngine.start().container("aaaa", "web", Behaviour.NORMAL);
                DockerClient client = fake.client()) {
            List<Long> readings = new CopyOnWriteArrayList<>();
            client.useStatsSource(readingWhenAsked(client, readings, Duration.ZERO));
            Heard heard = new Heard();
            try (StatsPoller poller = StatsPoller.of(client, Duration.ofSeconds(30)).listener(heard).start()) {
                assertTrue(heard.firstRound.await(10, TimeUnit.SECONDS), "the first round comes at once");
                long shortened = System.nanoTime();
                poller.interval(Duration.ofMillis(200));
                assertTrue(heard.twoRounds.await(10, TimeUnit.SECONDS), "a second round within 10 s of the 200 ms interval");
                long after = Duration.ofNanos(readings.get(1) - shortened).toMillis();
                assertTrue(after < 1000, "the second reading " + after + " ms after the interval became 200 ms");
            }
        }
    }

    @Test
    void anEngineAwayIsReportedOnceAndRetriedAfterTheBackoffSkippingScheduledRounds() throws Exception {
        try (DockerClient client = away()) {
            Heard heard = new Heard();
            // rounds due every 100 ms, a failure waits 1 s: an attempt that fails within 0.4 s uses up
            // 11-14 scheduled rounds, so the second attempt is the last of 15
            try (StatsPoller poller = StatsPoller.of(client, Duration.ofMillis(100)).rounds(15)
                    .backoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                    .reachability(heard.reachability()).listener(heard)) {
                poller.run();
            }
            assertEquals(List.of(), heard.rounds);
            assertEquals(2, heard.failures.size(), "attempts: " + heard.failures);
            heard.failures.forEach(f -> assertEquals(StatsPoller.Failure.Kind.UNREACHABLE, f.kind()));
            assertEquals(1, heard.status.size(), "one outage, said once: " + heard.status);
            assertTrue(heard.status.getFirst().startsWith("offline: "), heard.status.getFirst());
        }
    }

    @Test
    void withAPingFirstAnEngineAwayIsDockerNotReachable() throws Exception {
        try (DockerClient client = away()) {
            Heard heard = new Heard();
            try (StatsPoller poller = StatsPoller.of(client, Duration.ofMillis(10)).rounds(1).pingFirst()
                    .reachability(heard.reachability()).listener(heard)) {
                poller.run();
            }
            assertEquals(List.of(new StatsPoller.Failure(StatsPoller.Failure.Kind.UNREACHABLE, "Docker not reachable",
                    heard.failures.getFirst().took())), heard.failures);
            assertEquals(List.of("offline: Docker not reachable"), heard.status);
        }
    }

    @Test
    void stopEndsTheWaitAtOnceAndCloseEndsTheThread() throws Exception {
        try (FakeDockerEngine fake = FakeDockerEngine.start().container("aaaa", "web", Behaviour.NORMAL);
                DockerClient client = fake.client()) {
            Heard heard = new Heard();
            StatsPoller poller = StatsPoller.of(client, Duration.ofHours(1)).listener(heard).start();
            assertTrue(heard.firstRound.await(10, TimeUnit.SECONDS), "the first round comes at once");
            poller.close();
            assertTrue(poller.awaitStopped(Duration.ofSeconds(5)), "an hour's wait ends with close()");
            assertEquals(1, heard.rounds.size());
        }
    }
}
