package dev.dockstat.transport.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.events.EngineEvent;
import dev.dockstat.core.events.EventFollower;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Reachability;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Core's event follower over the unix socket, in both modes, against the real engine. */
class EventFollowerIT {

    @ParameterizedTest
    @EnumSource(EventFollower.Mode.class)
    void deliversLifecycleEventsOfAContainerExactlyOnce(EventFollower.Mode mode) throws Exception {
        String name = "dst-unix-ev-" + mode.name().toLowerCase();
        try (DockerClient client = new Environment("local", Endpoint.of(TestBed.get().socketUri()))
                .connect(TransportRegistry.load())) {
            List<EngineEvent> events = new CopyOnWriteArrayList<>();
            List<Boolean> statuses = new CopyOnWriteArrayList<>();
            var follower = new EventFollower(client, EventQuery.containers(), 0,
                    new Reachability((online, error) -> statuses.add(online)), events::add, new Backoff());
            follower.setMode(mode, Duration.ofMillis(500));
            Thread thread = Thread.ofVirtual().start(follower::run);
            TestBed.await("follower started", Duration.ofSeconds(10), () -> follower.cursorNanos() > 0);
            TestBed.run(name, TestBed.IMAGE, "true");
            TestBed.await("die event", Duration.ofSeconds(10), () -> has(events, name, "die"));
            TestBed.remove(name);
            TestBed.await("destroy event", Duration.ofSeconds(10), () -> has(events, name, "destroy"));
            follower.close();
            thread.join(2000);
            assertTrue(!thread.isAlive(), "follower stops on close");
            assertEquals(List.of(true), statuses);
            for (String action : List.of("create", "start", "die", "destroy")) {
                assertEquals(1, events.stream().filter(e -> name.equals(e.attributes().get("name")) && e.action().equals(action)).count(),
                        action + " delivered exactly once");
            }
        }
    }

    private static boolean has(List<EngineEvent> events, String name, String action) {
        return events.stream().anyMatch(e -> name.equals(e.attributes().get("name")) && e.action().equals(action));
    }
}
