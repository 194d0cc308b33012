package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The test bed's auxiliary engine ({@code scripts/testbed aux-up}): a second dockerd with its own
 * socket, data and containerd, and an nginx token proxy in front of it. Fault tests stop, restart
 * and cut it off through {@code scripts/testbed}, never the main engine that other tests share.
 */
final class AuxEngine {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(90);

    private final String socketUri;
    private final String tokenHostPort;
    private final String token;
    private final Path script;
    private final Path accessLog;

    private AuxEngine(TestBed bed, Path script) {
        this.socketUri = bed.auxSocketUri();
        this.tokenHostPort = bed.auxTokenHostPort();
        this.token = bed.token();
        this.script = script;
        this.accessLog = Path.of(System.getenv().getOrDefault("DOCKSTAT_TESTBED_DIR", "/tmp/dockstat-testbed"), "aux", "nginx", "access.log");
    }

    /** The auxiliary engine, brought up if it is down (it is cheap and only this suite uses it). */
    static AuxEngine get() {
        TestBed bed = TestBed.get();
        assertNotNull(bed.auxSocketUri(), "the test bed names no auxiliary engine: run scripts/testbed aux-up");
        AuxEngine aux = new AuxEngine(bed, findScript());
        aux.script("aux-up");
        return aux;
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/testbed");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/testbed not found above " + Path.of("").toAbsolutePath());
    }

    String socketUri() {
        return socketUri;
    }

    String tokenHostPort() {
        return tokenHostPort;
    }

    String token() {
        return token;
    }

    /** The docker CLI against this engine; its stdout. */
    String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", socketUri));
        cmd.addAll(Arrays.asList(args));
        return TestBed.exec(cmd, Duration.ofSeconds(60));
    }

    List<String> dockerCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", socketUri));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** {@code docker run -d --network none --label dockstat.testbed=1 --name NAME ARGS...}; the id. */
    String run(String name, String... args) {
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--network", "none", "--label", TestBed.LABEL, "--name", name));
        cmd.addAll(Arrays.asList(args));
        return docker(cmd.toArray(String[]::new)).strip();
    }

    /** {@code docker create} with the same settings; the id. */
    String create(String name, String... args) {
        List<String> cmd = new ArrayList<>(List.of("create", "--network", "none", "--label", TestBed.LABEL, "--name", name));
        cmd.addAll(Arrays.asList(args));
        return docker(cmd.toArray(String[]::new)).strip();
    }

    /** The engine's container events in a window, as {@code docker events --format '{{json .}}'} prints them. */
    List<JsonNode> events(long sinceNanos, long untilNanos) {
        String out = docker("events", "--since", seconds(sinceNanos), "--until", seconds(untilNanos),
                "--filter", "type=container", "--format", "{{json .}}");
        return out.lines().filter(l -> !l.isBlank()).map(AuxEngine::json).toList();
    }

    static JsonNode json(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    static String seconds(long unixNanos) {
        return String.format("%d.%09d", unixNanos / 1_000_000_000L, unixNanos % 1_000_000_000L);
    }

    /** Removes the suite's containers ({@code dst-fa-*}). */
    void removeTestContainers() {
        String ids = docker("ps", "-aq", "--filter", "name=dst-fa-").strip();
        if (!ids.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("rm", "-f"));
            cmd.addAll(ids.lines().toList());
            docker(cmd.toArray(String[]::new));
        }
    }

    /** SIGTERM to the engine; returns once it has exited. */
    void stop() {
        script("aux-stop");
    }

    /** Starts the engine again with the same flags; returns once it answers. */
    void start() {
        script("aux-start");
    }

    void proxyStop() {
        script("aux-proxy-stop");
    }

    void proxyStart() {
        script("aux-proxy-start");
    }

    /** One line of the proxy's access log: when nginx finished the request, what it was, its status, its query ("-" for none). */
    record Request(long atMillis, String method, String path, int status, String query) {}

    /** The proxy's access log (requests finished by nginx). */
    List<Request> accessLog() {
        try {
            if (!Files.exists(accessLog)) {
                return List.of();
            }
            return Files.readAllLines(accessLog).stream().map(l -> l.split(" ")).filter(f -> f.length == 5)
                    .map(f -> new Request(Math.round(Double.parseDouble(f[0]) * 1000), f[1], f[2], Integer.parseInt(f[3]), f[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void script(String command) {
        TestBed.exec(List.of(script.toString(), command), SCRIPT_TIMEOUT);
    }
}
