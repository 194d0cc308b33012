package dev.dockstat.coreit;

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
import org.junit.jupiter.api.Test;
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

    /**
     * A stream dockstat ends itself (switching to poll mode, closing the follower as serve-ipc's
     * {@code remove} does) is no failure: nothing is said, least of all a Java exception's name.
     */
    @Test
    void aStreamClosedOnPurposeSaysNothing() throws Exception {
        String name = "dst-unix-ev-quiet";
        try (DockerClient client = new Environment("local", Endpoint.of(TestBed.get().socketUri()))
                .connect(TransportRegistry.load())) {
            List<EngineEvent> events = new CopyOnWriteArrayList<>();
            List<String> said = new CopyOnWriteArrayList<>();
            var follower = new EventFollower(client, EventQuery.containers(), 0, new Reachability((online, error) -> {}),
                    EventFollower.Listener.of(events::add, said::add), new Backoff());
            Thread thread = Thread.ofVirtual().start(follower::run);
            try {
                // an event delivered by the stream: it is open
                TestBed.run(name + "-1", TestBed.IMAGE, "true");
                TestBed.await("event on the stream", Duration.ofSeconds(10), () -> has(events, name + "-1", "die"));
                follower.setMode(EventFollower.Mode.POLL, Duration.ofMillis(300));
                // an event delivered by a poll: the stream's end has been handled
                TestBed.run(name + "-2", TestBed.IMAGE, "true");
                TestBed.await("event by a poll", Duration.ofSeconds(10), () -> has(events, name + "-2", "die"));
                follower.setMode(EventFollower.Mode.STREAM, Duration.ofMillis(300));
                TestBed.run(name + "-3", TestBed.IMAGE, "true");
                TestBed.await("event on the stream again", Duration.ofSeconds(10), () -> has(events, name + "-3", "die"));
            } finally {
                follower.close();
                thread.join(2000);
                for (int i = 1; i <= 3; i++) {
                    TestBed.remove(name + "-" + i);
                }
            }
            assertTrue(!thread.isAlive(), "follower stops on close");
            assertEquals(List.of(), said, "a close dockstat asked for is not reported");
        }
    }

    private static boolean has(List<EngineEvent> events, String name, String action) {
        return events.stream().anyMatch(e -> name.equals(e.attributes().get("name")) && e.action().equals(action));
    }
}
