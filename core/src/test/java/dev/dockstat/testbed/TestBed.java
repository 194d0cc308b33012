package dev.dockstat.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real engine that {@code scripts/testbed up} started, for integration tests (*IT): its
 * endpoints, PKI and token, and the docker CLI to create the containers a test needs. Containers
 * made here carry the label {@code dockstat.testbed=1} and run with {@code --network none}.
 */
public final class TestBed {

    public static final String LABEL = "dockstat.testbed=1";
    public static final String IMAGE = "local/busybox";

    private static TestBed instance;

    private final Map<String, String> values;

    private TestBed(Map<String, String> values) {
        this.values = values;
    }

    /** The test bed described by {@code $DOCKSTAT_TESTBED_DIR/testbed.env}; fails when it is not up. */
    public static synchronized TestBed get() {
        if (instance == null) {
            String dir = System.getenv().getOrDefault("DOCKSTAT_TESTBED_DIR", "/tmp/dockstat-testbed");
            Path file = Path.of(dir, "testbed.env");
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("no test bed at " + file + ": run scripts/testbed up");
            }
            Map<String, String> values = new HashMap<>();
            read(file, values);
            Path aux = Path.of(dir, "aux", "aux.env"); // scripts/testbed aux-up
            if (Files.isReadable(aux)) {
                read(aux, values);
            }
            Path podman = Path.of(dir, "podman", "podman.env"); // scripts/testbed podman-up
            if (Files.isReadable(podman)) {
                read(podman, values);
            }
            instance = new TestBed(values);
        }
        return instance;
    }

    /**
     * The endpoints file of an optional part of the test bed, {@code $DOCKSTAT_TESTBED_DIR/PART/PART.env}
     * (e.g. {@code ssh}, written by {@code scripts/testbed ssh-up}); fails, saying which command
     * brings it up, when that part is not up.
     */
    public static Map<String, String> part(String part, String upCommand) {
        Path file = Path.of(System.getenv().getOrDefault("DOCKSTAT_TESTBED_DIR", "/tmp/dockstat-testbed"), part, part + ".env");
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("no " + part + " in the test bed (" + file + "): run scripts/testbed " + upCommand);
        }
        Map<String, String> values = new HashMap<>();
        read(file, values);
        return values;
    }

    private static void read(Path file, Map<String, String> values) {
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String socketUri() {
        return "unix://" + values.get("DOCKSTAT_TB_SOCKET");
    }

    /** The test bed's engine over its unix socket, as an environment named {@code local}. */
    public dev.dockstat.core.env.Environment socketEnvironment() {
        return new dev.dockstat.core.env.Environment("local", dev.dockstat.core.spi.Endpoint.of(socketUri()));
    }

    /** dockerd's own mTLS listener. */
    public String tlsUri() {
        return values.get("DOCKSTAT_TB_TLS");
    }

    /** nginx, plain HTTP in front of the socket. */
    public String tcpUri() {
        return values.get("DOCKSTAT_TB_TCP");
    }

    /** nginx demanding X-Hawser-Token, {@code host:port}. */
    public String tokenHostPort() {
        return values.get("DOCKSTAT_TB_TOKEN_HOST");
    }

    /** nginx TLS with an expired server certificate signed by the test CA. */
    public String expiredTlsUri() {
        return values.get("DOCKSTAT_TB_EXPIRED_TLS");
    }

    /**
     * The auxiliary engine's socket ({@code scripts/testbed aux-up}): the engine fault tests may stop,
     * restart and cut off without disturbing anyone; null when it was never brought up.
     */
    public String auxSocketUri() {
        String socket = values.get("DOCKSTAT_TB_AUX_SOCKET");
        return socket == null ? null : "unix://" + socket;
    }

    /** The Podman service's socket ({@code scripts/testbed podman-up}); null when it was never brought up. */
    public String podmanSocketUri() {
        String socket = values.get("DOCKSTAT_TB_PODMAN_SOCKET");
        return socket == null ? null : "unix://" + socket;
    }

    /**
     * The podman CLI as a client of the test bed's Podman service only; returns stdout, fails on a
     * non-zero exit.
     */
    public String podman(String... args) {
        List<String> cmd = new ArrayList<>(List.of("podman", "--remote", "--url", podmanSocketUri()));
        cmd.addAll(Arrays.asList(args));
        return exec(cmd, Duration.ofSeconds(60));
    }

    /**
     * Starts a test container on the Podman service: {@code --network none}, the rlimits runc accepts
     * here (Podman's defaults exceed the hard limits), the test labels.
     */
    public String podmanRun(String name, String... args) {
        try {
            podman("rm", "-f", "-t", "0", name);
        } catch (IllegalStateException absent) {
            // not there: nothing to remove
        }
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--network", "none", "--ulimit", "nofile=1024:1024",
                "--ulimit", "nproc=1024:1024", "--label", LABEL, "--name", name));
        String run = System.getenv("DOCKSTAT_TEST_RUN");
        if (run != null) {
            cmd.addAll(List.of("--label", "dockstat.run=" + run));
        }
        cmd.addAll(Arrays.asList(args));
        return podman(cmd.toArray(String[]::new)).strip();
    }

    /** The auxiliary engine's nginx token proxy, {@code host:port} (same token as {@link #token()}). */
    public String auxTokenHostPort() {
        return values.get("DOCKSTAT_TB_AUX_TOKEN_HOST");
    }

    public Path pki() {
        return Path.of(values.get("DOCKSTAT_TB_PKI"));
    }

    public String pem(String file) {
        try {
            return Files.readString(pki().resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token() {
        return pem("token").strip();
    }

    /** Whether {@code scripts/testbed} started the engine (so a test may stop and restart it). */
    public boolean engineIsOurs() {
        return "1".equals(values.get("DOCKSTAT_TB_OURS"));
    }

    public boolean tlsReady() {
        return "1".equals(values.get("DOCKSTAT_TB_TLS_READY"));
    }

    /** Runs the docker CLI against the test bed's socket and returns its stdout; fails on a non-zero exit. */
    public static String docker(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("docker");
        cmd.addAll(Arrays.asList(args));
        return exec(cmd, Duration.ofSeconds(60));
    }

    /** Starts a test container: {@code docker run -d --network none --label dockstat.testbed=1 --name NAME ARGS...}. */
    public static String run(String name, String... args) {
        remove(name);
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--network", "none", "--label", LABEL, "--name", name));
        String run = System.getenv("DOCKSTAT_TEST_RUN");
        if (run != null) {
            cmd.addAll(List.of("--label", "dockstat.run=" + run)); // scripts/test removes what its run left, nothing else
        }
        cmd.addAll(Arrays.asList(args));
        return docker(cmd.toArray(String[]::new)).strip();
    }

    /** A container that keeps {@code cpus} CPUs busy: the ground truth for CPU figures. */
    public static String burner(String name, String cpus) {
        return run(name, "--cpus", cpus, IMAGE, "sh", "-c", "while :; do :; done");
    }

    /** A container that sleeps. */
    public static String idle(String name) {
        return run(name, IMAGE, "sleep", "100000");
    }

    public static void remove(String... names) {
        List<String> cmd = new ArrayList<>(List.of("docker", "rm", "-f"));
        cmd.addAll(Arrays.asList(names));
        try {
            exec(cmd, Duration.ofSeconds(60));
        } catch (IllegalStateException absent) {
            // a container that is not there is already removed
        }
    }

    /** Waits for a condition, polling every 50 ms; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Runs a command, returns stdout; stderr is kept for the failure message. */
    public static String exec(List<String> cmd, Duration timeout) {
        try {
            Path err = Files.createTempFile("testbed", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd + " did not finish within " + timeout);
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " exited " + p.exitValue() + ": " + stderr.strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
