package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** dockstat events against docker events for the same window, byte for byte; following across a broken path. */
class EventsCommandIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    static InProcess dockstat(String... args) {
        return InProcess.run(args);
    }

    @BeforeAll
    static void engine() {
        TestBed.get();
    }

    static String timestamp(Instant t) {
        return String.format("%d.%09d", t.getEpochSecond(), t.getNano());
    }

    /** create, start, stop (kill), remove a container between T0 and T1, then wait until T1 has passed. */
    static String[] window(String name) throws InterruptedException {
        TestBed.remove(name);
        Instant t0 = Instant.now();
        TestBed.run(name, TestBed.IMAGE, "sleep", "100000");
        TestBed.docker("kill", name);
        TestBed.docker("rm", name);
        Instant t1 = Instant.now().plusSeconds(1);
        while (Instant.now().isBefore(t1.plusMillis(200))) {
            Thread.sleep(Duration.between(Instant.now(), t1.plusMillis(200)).toMillis() + 1); // T1 is a time, not a condition
        }
        return new String[] {timestamp(t0), timestamp(t1)};
    }

    @Test
    void aWindowMatchesDockerEventsByteForByte() throws Exception {
        String name = "dst-cli-events-window";
        String[] w = window(name);
        for (List<String> format : List.of(List.<String>of(), List.of("--format", "json"),
                List.of("--format", "{{.Type}} {{.Action}} {{.Actor.ID}} {{.Actor.Attributes.name}} {{.Actor.Attributes.exitCode}} {{.TimeNano}} {{json .Actor}}"))) {
            String[] common = concat(List.of("events", "--since", w[0], "--until", w[1], "--filter", "container=" + name), format);
            String docker = TestBed.docker(common);
            InProcess ours = dockstat(common);
            assertEquals(0, ours.code(), ours.err());
            assertEquals("", ours.err());
            assertEquals(docker, ours.out(), String.join(" ", format));
            assertTrue(docker.lines().count() >= 5, "create, start, kill, die, destroy:\n" + docker);
        }
    }

    @Test
    void rfc3339AndRelativeTimesReadTheSameWindowAsDocker() throws Exception {
        String name = "dst-cli-events-times";
        String[] w = window(name);
        String since = Instant.ofEpochSecond(Long.parseLong(w[0].split("\\.")[0])).toString(); // 2026-...T..:..:..Z
        String until = Instant.ofEpochSecond(Long.parseLong(w[1].split("\\.")[0]) + 1).toString();
        String[] args = {"events", "--since", since, "--until", until, "--filter", "container=" + name, "--filter", "event=die"};
        assertEquals(TestBed.docker(args), dockstat(args).out());
        String[] relative = {"events", "--since", "10m", "--until", "0s", "--filter", "container=" + name, "--format", "{{.Action}}"};
        String docker = TestBed.docker(relative);
        assertEquals(docker, dockstat(relative).out());
        assertTrue(docker.contains("destroy"), docker);
    }

    /**
     * Following through a path that breaks: the events that happen while it is down arrive after
     * it is back (resumed with since), none twice, none lost: the same actions docker events shows
     * for the whole window.
     */
    @Test
    void followingResumesAfterTheEngineWasAwayWithoutLossOrRepeat() throws Exception {
        String name = "dst-cli-events-follow";
        TestBed.remove(name);
        Path dir = Files.createTempDirectory("dst-cli-relay");
        Instant t0 = Instant.now();
        try (UnixRelay relay = new UnixRelay(dir.resolve("docker.sock"), Path.of(TestBed.get().socketUri().substring(7))).up();
             Launched events = Launched.start(Map.of(), "events", "-H", relay.uri(), "--since", timestamp(t0),
                     "--filter", "container=" + name, "--format", "{{.Action}}")) {
            TestBed.docker("create", "--network", "none", "--label", TestBed.LABEL, "--name", name, TestBed.IMAGE, "sleep", "100000");
            events.await("create", WAIT, l -> l.contains("create"));

            relay.cut();
            events.awaitStderr("the outage noticed", WAIT, e -> e.contains("reconnecting"));
            TestBed.docker("start", name);
            TestBed.docker("kill", name);
            relay.up();

            events.await("the missed events", WAIT, l -> l.contains("die"));
            events.awaitStderr("the recovery", WAIT, e -> e.contains("Reconnected"));
            TestBed.docker("rm", name);
            events.await("destroy", WAIT, l -> l.contains("destroy"));
            Instant t1 = Instant.now().plusSeconds(1);
            Thread.sleep(1200); // until T1 has passed

            String docker = TestBed.docker("events", "--since", timestamp(t0), "--until", timestamp(t1),
                    "--filter", "container=" + name, "--format", "{{.Action}}");
            assertEquals(docker.lines().toList(), events.lines());
            assertEquals(List.of("create", "start", "kill", "die", "destroy"), events.lines());
        } finally {
            TestBed.remove(name);
            Files.deleteIfExists(dir.resolve("docker.sock"));
            Files.deleteIfExists(dir);
        }
    }

    static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
