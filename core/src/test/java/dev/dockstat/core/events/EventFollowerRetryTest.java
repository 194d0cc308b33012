package dev.dockstat.core.events;

import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Reachability;
import dev.dockstat.testbed.FakeDockerEngine;
import dev.dockstat.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A follower waiting out its backoff retries at once when told the engine is back (issue 19's
 * storm: the metrics loop saw the engines return, the event streams stayed closed up to a minute).
 */
class EventFollowerRetryTest {

    @Test
    void retryNowEndsTheBackoffWait() throws Exception {
        // the fake answers pings but not /events: each attempt is ping (online), events (offline), then the backoff
        try (FakeDockerEngine fake = FakeDockerEngine.start()) {
            List<Boolean> heard = new CopyOnWriteArrayList<>();
            EventFollower follower = new EventFollower(fake.client(), EventQuery.containers(), 0,
                    new Reachability((online, error) -> heard.add(online)), event -> { }, new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(5)));
            Thread t = Thread.ofVirtual().start(follower::run);
            try {
                TestBed.await("a first attempt: online, offline (no /events), online (the ping after it)", Duration.ofSeconds(10), () -> heard.size() >= 3);
                int attempts = heard.size();
                follower.retryNow();
                TestBed.await("another attempt without waiting 5 minutes", Duration.ofSeconds(5), () -> heard.size() > attempts);
            } finally {
                follower.close();
                t.join(Duration.ofSeconds(5));
            }
        }
    }
}
