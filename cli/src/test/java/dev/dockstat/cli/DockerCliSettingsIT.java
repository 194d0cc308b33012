package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dockstat honours what the docker CLI is configured with: DOCKER_HOST with the TLS variables, and
 * contexts made by {@code docker context create} (in a throwaway DOCKER_CONFIG, never the
 * machine's), chosen by {@code --context}, {@code DOCKER_CONTEXT} or {@code docker context use}.
 * Each context has a twin that points at a closed port: its error message proves which context was
 * read, since the default socket would have worked as well.
 */
class DockerCliSettingsIT {

    static final String CONTAINER = "dst-tr-ctx-idle";
    static final String CONTEXT = "dst-tr-ctx";
    static final String DEAD_CONTEXT = "dst-tr-ctx-dead";

    @TempDir
    static Path home;

    static Path dockerConfig;
    static Path pki;

    @BeforeAll
    static void contexts() throws Exception {
        pki = TestBed.get().pki();
        TestBed.idle(CONTAINER);
        dockerConfig = home.resolve("docker-config");
        dockerCli("context", "create", CONTEXT, "--docker", "host=tcp://127.0.0.1:2376,ca=" + pki.resolve("ca.pem")
                + ",cert=" + pki.resolve("client-cert.pem") + ",key=" + pki.resolve("client-key.pem"));
        dockerCli("context", "create", DEAD_CONTEXT, "--docker", "host=tcp://127.0.0.1:1");
    }

    @AfterAll
    static void cleanup() {
        TestBed.remove(CONTAINER);
    }

    /** The docker CLI with our throwaway config directory. */
    static void dockerCli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        pb.environment().remove("DOCKER_HOST");
        pb.environment().remove("DOCKER_CONTEXT");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd + ": " + output);
        }
    }

    static InProcess statsOfTheContainer(Map<String, String> extraEnv, String... options) {
        Map<String, String> env = new java.util.HashMap<>(InProcess.cleanEnv(home));
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.putAll(extraEnv);
        List<String> args = new ArrayList<>(List.of("stats", "--no-stream", "--format", "{{.Name}}"));
        args.addAll(List.of(options));
        args.add(CONTAINER);
        return InProcess.run(env, args.toArray(String[]::new));
    }

    static void works(InProcess r) {
        assertEquals(0, r.code(), r.err());
        assertEquals(CONTAINER, r.out().strip());
    }

    static void refusedAtTheDeadContext(InProcess r) {
        assertEquals(1, r.code());
        assertEquals("Cannot connect to the Docker engine at tcp://127.0.0.1:1 (environment " + DEAD_CONTEXT + "): connection refused",
                r.err().strip());
    }

    @Test
    void dockerHostWithTheTlsVariables() {
        works(statsOfTheContainer(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", pki.resolve("docker").toString())));
    }

    @Test
    void dockerHostWithoutTheTlsVariablesIsPlainHttpToATlsPort() {
        InProcess r = statsOfTheContainer(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376"));
        assertEquals(1, r.code());
        assertEquals("Error: Error response from daemon (400): Client sent an HTTP request to an HTTPS server.", r.err().strip());
    }

    @Test
    void contextFlag() {
        works(statsOfTheContainer(Map.of(), "--context", CONTEXT));
        refusedAtTheDeadContext(statsOfTheContainer(Map.of(), "--context", DEAD_CONTEXT));
    }

    @Test
    void contextFlagBeatsDockerHost() {
        works(statsOfTheContainer(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), "--context", CONTEXT));
    }

    @Test
    void dockerContextVariable() {
        works(statsOfTheContainer(Map.of("DOCKER_CONTEXT", CONTEXT)));
        refusedAtTheDeadContext(statsOfTheContainer(Map.of("DOCKER_CONTEXT", DEAD_CONTEXT)));
    }

    @Test
    void currentContextOfTheDockerCli() throws Exception {
        try {
            dockerCli("context", "use", CONTEXT);
            works(statsOfTheContainer(Map.of()));
            dockerCli("context", "use", DEAD_CONTEXT);
            refusedAtTheDeadContext(statsOfTheContainer(Map.of()));
        } finally {
            dockerCli("context", "use", "default");
        }
    }

    @Test
    void hostAndContextTogetherIsAUsageError() {
        InProcess r = statsOfTheContainer(Map.of(), "-H", "unix:///var/run/docker.sock", "--context", CONTEXT);
        assertEquals(2, r.code());
        assertEquals("Error: conflicting options: cannot specify both --host and --context", r.err().strip());
    }
}
