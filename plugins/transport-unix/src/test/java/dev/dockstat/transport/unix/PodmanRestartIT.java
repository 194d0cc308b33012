package dev.dockstat.transport.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * An event follow across a restart of the Podman service ({@code scripts/testbed podman-stop},
 * {@code podman-start}; docs/podman.md): the follower resumes with {@code since} = the last event it
 * passed on, and Podman answers that from its events log, so a container's life before the restart,
 * one lived while the service was down (the podman CLI on the same storage writes the same log) and
 * one after it are each delivered once.
 */
class PodmanRestartIT {

    private static final Path SCRIPT = Path.of("../../scripts/testbed").toAbsolutePath().normalize();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> LIFE = List.of("create", "start", "die", "remove");
    private static final List<String> NAMES = List.of("podman-rs-before", "podman-rs-down", "podman-rs-after");

    private TestBed bed;

    @AfterEach
    void cleanup() {
        if (bed != null && bed.podmanSocketUri() != null) {
            script("podman-start"); // a failed step may have left it down
            for (String name : NAMES) {
                try {
                    bed.podman("rm", "-f", "-t", "0", name);
                } catch (IllegalStateException absent) {
                    // removed by the test
                }
            }
        }
    }

    private static void script(String... args) {
        List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
        cmd.addAll(List.of(args));
        TestBed.exec(cmd, SCRIPT_TIMEOUT);
    }

    private static boolean has(List<EngineEvent> events, String name, String action) {
        return events.stream().anyMatch(e -> name.equals(e.attributes().get("name")) && e.action().equals(action));
    }

    /** A container's whole life through the service: created, started, exited, removed. */
    private void liveThroughTheService(String name) {
        String id = bed.podmanRun(name, TestBed.IMAGE, "true");
        TestBed.await(name + " exited", Duration.ofSeconds(30),
                () -> bed.podman("inspect", "-f", "{{.State.Status}}", id).strip().equals("exited"));
        bed.podman("rm", id);
    }

    @Test
    void aFollowResumesAfterTheServiceRestartsAndDeliversEachEventOnce() throws Exception {
        bed = TestBed.get();
        Assumptions.assumeTrue(bed.podmanSocketUri() != null, "no Podman service: scripts/testbed podman-up");
        try (DockerClient client = new Environment("podman", Endpoint.of(bed.podmanSocketUri())).connect(TransportRegistry.load())) {
            List<EngineEvent> events = new CopyOnWriteArrayList<>();
            List<Boolean> statuses = new CopyOnWriteArrayList<>();
            EventFollower follower = new EventFollower(client, EventQuery.containers(), 0,
                    new Reachability((online, error) -> statuses.add(online)), events::add, new Backoff());
            Thread thread = Thread.ofVirtual().start(follower::run);
            try {
                TestBed.await("the follow open", Duration.ofSeconds(10), () -> follower.cursorNanos() > 0);
                liveThroughTheService("podman-rs-before");
                TestBed.await("the life before the restart", Duration.ofSeconds(15), () -> has(events, "podman-rs-before", "remove"));

                script("podman-stop");
                TestBed.await("the outage noticed", Duration.ofSeconds(30), () -> statuses.contains(false));
                // while the service is down, the host's podman CLI goes on writing Podman's events log
                script("podman-local", "run", "--network", "none", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024",
                        "--label", TestBed.LABEL, "--name", "podman-rs-down", TestBed.IMAGE, "true");
                script("podman-local", "rm", "podman-rs-down");
                script("podman-start");

                // the follower's backoff retries at 5, 10, 20 s ...: the resume comes within a minute
                TestBed.await("the life while down, from Podman's log", Duration.ofSeconds(60), () -> has(events, "podman-rs-down", "remove"));
                liveThroughTheService("podman-rs-after");
                TestBed.await("the life after the restart", Duration.ofSeconds(15), () -> has(events, "podman-rs-after", "remove"));
            } finally {
                follower.close();
                thread.join(2000);
            }
            assertFalse(thread.isAlive(), "the follower stops on close");
            List<String> ours = events.stream().filter(e -> NAMES.contains(e.attributes().get("name")))
                    .map(e -> e.attributes().get("name") + " " + e.action()).toList();
            System.out.println("[podman restart] statuses " + statuses + ", events " + ours);
            assertEquals(List.of(true, false, true), statuses, "online, the outage, online again: each said once");
            for (String name : NAMES) {
                for (String action : LIFE) {
                    assertEquals(1, events.stream().filter(e -> name.equals(e.attributes().get("name")) && e.action().equals(action)).count(),
                            name + " " + action + " delivered exactly once: " + ours);
                }
            }
            List<String> keys = events.stream().map(e -> e.actorId() + " " + e.action() + " " + e.timeNano()).toList();
            assertEquals(keys.size(), keys.stream().distinct().count(), "no event twice: " + ours);
        }
    }
}
