package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged dockstat against an ssh:// engine: the test bed's loopback sshd ({@code scripts/testbed
 * ssh-up}), whose {@code docker system dial-stdio} reaches the test engine. The ssh client gets the
 * test bed's config, key and known hosts through {@code DOCKSTAT_SSH_OPTS}, as a user would pass
 * theirs. Outputs are compared with docker's over the engine's unix socket (the same engine).
 */
class SshEngineIT {

    static final String IDLE_A = "dst-ssh-idle-a";
    static final String IDLE_B = "dst-ssh-idle-b";
    static final Duration WAIT = Duration.ofSeconds(60);

    static Map<String, String> bed;

    @BeforeAll
    static void containers() {
        TestBed.get();
        bed = sshBed();
        TestBed.idle(IDLE_A);
        TestBed.idle(IDLE_B);
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(IDLE_A, IDLE_B);
    }

    static String uri() {
        return bed.get("DOCKSTAT_TB_SSH");
    }

    static Map<String, String> sshOptions(String extra) {
        return Map.of("DOCKSTAT_SSH_OPTS", bed.get("DOCKSTAT_TB_SSH_OPTS") + extra);
    }

    @Test
    void statsNoStreamOverSshIsDockers() {
        String format = "table {{.Name}}\t{{.ID}}\t{{.PIDs}}";
        String docker = TestBed.docker("stats", "--no-stream", "--format", format, IDLE_A, IDLE_B);
        Finished ours = Finished.run(sshOptions(""), "stats", "--no-stream", "-H", uri(), "--format", format, IDLE_A, IDLE_B);
        assertEquals(0, ours.code(), ours.err());
        assertEquals("", ours.err());
        assertEquals(docker, ours.out());
        Finished table = Finished.run(sshOptions(""), "stats", "--no-stream", "-H", uri(), IDLE_A);
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("CONTAINER ID   NAME") && table.out().contains(IDLE_A), table.out());
    }

    @Test
    void dfOverSshIsDockers() {
        List<String> docker = List.of("system", "df");
        String before = "";
        String ours = "";
        String after = "";
        for (int attempt = 0; attempt < 8; attempt++) { // the engine is shared: others may change it between the two
            before = TestBed.docker(docker.toArray(String[]::new));
            Finished run = Finished.run(sshOptions(""), "df", "-H", uri());
            assertEquals(0, run.code(), run.err());
            ours = run.out();
            after = TestBed.docker(docker.toArray(String[]::new));
            if (ours.equals(before) || ours.equals(after)) {
                return;
            }
        }
        assertEquals(after, ours);
    }

    /**
     * Following events through ssh while every ssh connection is cut (sshd stopped with its
     * sessions, so the reconnects are refused for a while): the events of the outage arrive once
     * sshd is back, resumed with since, none lost and none twice.
     */
    @Test
    void eventsResumeAfterTheSshConnectionIsCutWithoutLossOrRepeat() throws Exception {
        String name = "dst-ssh-events-follow";
        TestBed.remove(name);
        Instant t0 = Instant.now();
        try (Launched events = Launched.start(sshOptions(""), "events", "-H", uri(), "--since", EventsCommandIT.timestamp(t0),
                "--filter", "container=" + name, "--format", "{{.Action}}")) {
            TestBed.docker("create", "--network", "none", "--label", TestBed.LABEL, "--name", name, TestBed.IMAGE, "sleep", "100000");
            events.await("create", WAIT, l -> l.contains("create"));

            testbed("ssh-down");
            try {
                events.awaitStderr("the cut noticed", WAIT, e -> e.contains("reconnecting"));
                TestBed.docker("start", name);
                TestBed.docker("kill", name);
            } finally {
                testbed("ssh-up");
            }
            events.await("the events of the outage", WAIT, l -> l.contains("die"));
            events.awaitStderr("the recovery", WAIT, e -> e.contains("Reconnected"));
            TestBed.docker("rm", name);
            events.await("destroy", WAIT, l -> l.contains("destroy"));
            Instant t1 = Instant.now().plusSeconds(1);
            Thread.sleep(1200); // until T1 has passed: a time, not a condition

            String docker = TestBed.docker("events", "--since", EventsCommandIT.timestamp(t0), "--until", EventsCommandIT.timestamp(t1),
                    "--filter", "container=" + name, "--format", "{{.Action}}");
            assertEquals(docker.lines().toList(), events.lines());
            assertEquals(List.of("create", "start", "kill", "die", "destroy"), events.lines());
            String cut = events.stderr().lines().filter(l -> l.contains("reconnecting")).findFirst().orElseThrow();
            System.out.println("[ssh] events after the cut: " + events.lines() + "; stderr said: " + cut);
        } finally {
            TestBed.remove(name);
        }
    }

    @Test
    void aRefusedPortIsOneLineAndExitOne() {
        assertOneLineExitOne(Finished.run(sshOptions(""), "df", "-H", "ssh://root@127.0.0.1:1"),
                "Cannot connect to the Docker engine at ssh://root@127.0.0.1:1: connection refused");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsOneLineAndExitOne() {
        Map<String, String> wrongKey = Map.of("DOCKSTAT_SSH_OPTS",
                "-F " + bed.get("DOCKSTAT_TB_SSH_DIR") + "/ssh_config -i " + bed.get("DOCKSTAT_TB_SSH_DIR") + "/wrong_ed25519");
        assertOneLineExitOne(Finished.run(wrongKey, "df", "-H", uri()),
                "Cannot connect to the Docker engine at " + uri() + ": ssh: root@127.0.0.1: login refused (tried publickey)");
    }

    @Test
    void anUnknownHostKeyIsOneLineAndExitOne() {
        assertOneLineExitOne(Finished.run(sshOptions(" -o UserKnownHostsFile=/dev/null"), "df", "-H", uri()),
                "Cannot connect to the Docker engine at " + uri() + ": ssh: Host key verification failed (No ED25519 host key is known for "
                        + "[127.0.0.1]:" + uri().substring(uri().lastIndexOf(':') + 1) + " and you have requested strict checking)");
    }

    @Test
    void aHostWithoutDockerIsOneLineAndExitOne() {
        String noDocker = bed.get("DOCKSTAT_TB_SSH_NO_DOCKER");
        assertOneLineExitOne(Finished.run(sshOptions(""), "df", "-H", noDocker),
                "Cannot connect to the Docker engine at " + noDocker
                        + ": docker is not installed on the remote host, or not on the PATH of its ssh sessions (/bin/sh: 1: docker: not found)");
    }

    @Test
    void anUnknownSchemeNamesSshAmongTheSchemes() {
        Finished run = Finished.run(Map.of(), "df", "-H", "foo://127.0.0.1");
        assertTrue(run.code() != 0, "exit " + run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("ssh") && run.err().contains("unix") && run.err().contains("tcp"), run.err());
    }

    private static void assertOneLineExitOne(Finished run, String line) {
        assertEquals(1, run.code(), run.err());
        assertEquals("", run.out());
        assertEquals(line + "\n", run.err());
    }

    /** The packaged dockstat run to its end: exit code and both outputs. */
    record Finished(int code, String out, String err) {
        static Finished run(Map<String, String> env, String... args) {
            List<String> cmd = new ArrayList<>(List.of(Launched.LAUNCHER.toString()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().remove("DOCKER_HOST");
            pb.environment().remove("DOCKSTAT_SSH_OPTS");
            pb.environment().putAll(env);
            try {
                Path err = Files.createTempFile("dst-ssh", ".err");
                Process p = pb.redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dockstat " + String.join(" ", args) + " ended");
                String text = Files.readString(err);
                Files.delete(err);
                return new Finished(p.exitValue(), out, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code scripts/testbed COMMAND}, found above the working directory; fails on a non-zero exit. */
    static void testbed(String command) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/testbed");
            if (Files.isExecutable(script)) {
                TestBed.exec(List.of(script.toString(), command), WAIT);
                return;
            }
        }
        throw new IllegalStateException("scripts/testbed not found above " + Path.of("").toAbsolutePath());
    }

    /** The ssh server's endpoints, {@code $TB/ssh/ssh.env} (scripts/testbed ssh-up). */
    static Map<String, String> sshBed() {
        return TestBed.part("ssh", "ssh-up");
    }
}
