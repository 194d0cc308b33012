package dev.dockstat.synthetic;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.events.EngineEvent;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One of the two engines the fidelity checks run against, with what each check needs of it: a client,
 * a container burning half a CPU, container events on demand, a way to cut the event follower off,
 * and the engine's own account of the events it emitted.
 */
abstract class EngineUnderTest implements AutoCloseable {

    static final TransportRegistry REGISTRY = TransportRegistry.load();

    abstract String name();

    @Override
    public abstract void close() throws IOException;

    /** A client for the checks themselves. */
    abstract DockerClient client();

    /** The address the product under test is pointed at (DOCKER_HOST), cut by {@link #cut()}. */
    abstract String followedUri();

    /** A container using 50 % of one CPU. */
    abstract String burnerId();

    /** A few running containers for one collector round: the burner and at least three others. */
    abstract List<String> roundIds();

    /** The filters that select this test's container events: type and a label. */
    abstract Map<String, List<String>> eventFilters();

    /** One batch of container events. */
    abstract void makeEvents();

    /** Cuts the followed connections and turns new ones away. */
    abstract void cut();

    abstract void restore();

    /** The events the engine emitted since {@code sinceNanos} that match the filters, in order, as its own record has them. */
    abstract List<EngineEvent> truth(long sinceNanos);

    DockerClient followedClient() {
        try {
            return new Environment(name() + "-followed", Endpoint.of(followedUri())).connect(REGISTRY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real test engine, its events followed through a loopback proxy the test can cut. */
    static final class Real extends EngineUnderTest {
        private final String run = "synth-fid-" + UUID.randomUUID().toString().substring(0, 8);
        private final DockerClient client;
        private final CuttableProxy proxy;
        private final List<String> made = new ArrayList<>();
        private String burner;

        Real() throws Exception {
            client = TestBed.get().socketEnvironment().connect(REGISTRY);
            proxy = new CuttableProxy(Path.of(URI.create(TestBed.get().socketUri().replace("unix://", "file://")).getPath()));
        }

        @Override
        String name() {
            return "real";
        }

        @Override
        DockerClient client() {
            return client;
        }

        @Override
        String followedUri() {
            return proxy.uri();
        }

        @Override
        synchronized String burnerId() {
            if (burner == null) {
                burner = TestBed.burner("synth-fid-burn", "0.5");
                made.add("synth-fid-burn");
            }
            return burner;
        }

        @Override
        synchronized List<String> roundIds() {
            List<String> ids = new ArrayList<>(List.of(burnerId()));
            for (int i = 0; i < 3; i++) {
                String name = "synth-fid-idle-" + i;
                ids.add(TestBed.idle(name));
                made.add(name);
            }
            return ids;
        }

        @Override
        Map<String, List<String>> eventFilters() {
            return Map.of("type", List.of("container"), "label", List.of("synth.fidelity=" + run));
        }

        @Override
        void makeEvents() {
            String name = "synth-fid-ev-" + made.size();
            made.add(name);
            TestBed.run(name, "--label", "synth.fidelity=" + run, TestBed.IMAGE, "sleep", "1000");
            TestBed.docker("stop", "-t", "1", name);
        }

        @Override
        void cut() {
            proxy.down();
        }

        @Override
        void restore() {
            proxy.up();
        }

        @Override
        List<EngineEvent> truth(long sinceNanos) {
            long now = client.engineTimeMillis() * 1_000_000L;
            EventQuery q = new EventQuery(EventQuery.timestamp(sinceNanos), EventQuery.timestamp(now), eventFilters());
            List<EngineEvent> out = new ArrayList<>();
            try (EventLines lines = client.eventsUntil(q, Duration.ofSeconds(20))) {
                for (byte[] line; (line = lines.next()) != null; ) {
                    EngineEvent ev = EngineEvent.parse(line);
                    if (ev != null) {
                        out.add(ev);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            TestBed.remove(made.toArray(String[]::new));
            proxy.close();
            client.close();
        }
    }

    /** An in-process fleet of one synthetic engine, its containers at {@code --cpu 50}. */
    static final class Synthetic extends EngineUnderTest {
        final SyntheticFleet fleet;
        private final DockerClient client;
        private final HttpClient http = HttpClient.newHttpClient();

        Synthetic() throws Exception {
            fleet = SyntheticFleet.start("--engines", "1", "--containers", "4", "--cpu", "50", "--seed", "19",
                    "--port-base", Integer.toString(freePort()), "--control", Integer.toString(freePort()));
            client = new Environment("synthetic", Endpoint.of(fleet.engineUri(0))).connect(REGISTRY);
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }

        @Override
        String name() {
            return "synthetic";
        }

        @Override
        DockerClient client() {
            return client;
        }

        @Override
        String followedUri() {
            return fleet.engineUri(0);
        }

        @Override
        String burnerId() {
            return fleet.engine(0).containers().stream().filter(SyntheticContainer::running).findFirst().orElseThrow().id;
        }

        @Override
        List<String> roundIds() {
            return fleet.engine(0).containers().stream().filter(SyntheticContainer::running).map(c -> c.id).toList();
        }

        @Override
        Map<String, List<String>> eventFilters() {
            return Map.of("type", List.of("container"), "label", List.of("dockstat.synthetic=1"));
        }

        @Override
        void makeEvents() {
            fleet.engine(0).churn();
        }

        /** Through the control API, as the fleet measurements do it. */
        String control(String method, String path) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fleet.controlUri() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
                }
                return r.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        void cut() {
            control("POST", "/engines/0/down");
        }

        @Override
        void restore() {
            control("POST", "/engines/0/up");
        }

        void restart() {
            control("POST", "/engines/0/restart");
        }

        /** The control API's record: a restart forgets the engine's replay buffer, not this. */
        @Override
        List<EngineEvent> truth(long sinceNanos) {
            String body = control("GET", "/engines/0/events?since=" + EventQuery.timestamp(sinceNanos));
            List<EngineEvent> out = new ArrayList<>();
            try {
                for (var node : new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)) {
                    EngineEvent ev = EngineEvent.parse(node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (ev != null && ev.type().equals("container") && "1".equals(ev.attributes().get("dockstat.synthetic"))) {
                        out.add(ev);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        @Override
        public void close() {
            client.close();
            fleet.close();
        }
    }
}
