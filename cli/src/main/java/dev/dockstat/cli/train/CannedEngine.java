package dev.dockstat.cli.train;

import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A transport that answers from JSON kept in the jar, as an engine would: the AOT training run
 * ({@link TrainingRun}) drives the real client, collector and renderers through it without an
 * engine. Not a test double for behaviour: the tests use the real engine.
 */
final class CannedEngine implements Transport {

    private final byte[] containers = resource("containers.json");
    private final byte[] stats = resource("stats.json");
    private final byte[] df = resource("df.json");
    private final byte[] events = resource("events.ndjson");

    @Override
    public TransportResponse execute(TransportRequest request) {
        String target = request.target();
        if (target.startsWith("/_ping")) {
            return new Canned("OK".getBytes());
        }
        String path = target.replaceFirst("^/v[0-9.]+", "");
        if (path.startsWith("/containers/json")) {
            return new Canned(containers);
        }
        if (path.startsWith("/containers/") && path.contains("/stats")) {
            return new Canned(stats);
        }
        if (path.startsWith("/containers/") && path.endsWith("/json")) {
            // every container's main process is PID 4242: the training's kernel tree has that one's cgroup
            String id = path.substring("/containers/".length(), path.length() - "/json".length());
            return new Canned(("{\"Id\":\"" + id + "\",\"Name\":\"/" + id + "\",\"State\":{\"Running\":true,\"Pid\":4242,"
                    + "\"StartedAt\":\"2026-11-23T08:00:00Z\"},\"HostConfig\":{\"NetworkMode\":\"none\"}}").getBytes());
        }
        if (path.startsWith("/system/df")) {
            return new Canned(df);
        }
        if (path.startsWith("/events")) {
            return new Canned(events);
        }
        return new Canned(404, ("{\"message\":\"not canned: " + path + "\"}").getBytes());
    }

    @Override
    public void close() {}

    private static byte[] resource(String name) {
        try (InputStream in = CannedEngine.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing training resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Canned(int status, byte[] bytes) implements TransportResponse {
        Canned(byte[] body) {
            this(200, body);
        }

        @Override
        public Optional<String> header(String name) {
            return name.equalsIgnoreCase("API-Version") ? Optional.of("1.41") : Optional.empty();
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void close() {}
    }
}
