package dev.dockstat.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
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

        Reachability reachability() {
            return new Reachability((online, error) -> status.add(online ? "online" : "offline: " + error));
        }

        @Override
        public void collected(Round round) {
            rounds.add(round);
            firstRound.countDown();
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
