package dev.dockstat.testbed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.PoolSizes;
import dev.dockstat.core.transport.HttpClientTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.HttpHost;

/**
 * A fake peer: a loopback HTTP server that speaks just enough of the Docker Engine API (ping,
 * container list, inspect, stats) for what a real engine cannot show on demand: a container whose
 * stats request hangs, one whose stats fail, counters that go backwards. Not a Docker engine; the
 * real one is in {@link TestBed}.
 *
 * <p>Each stats request of a {@link Behaviour#NORMAL} container advances its counters by one tick:
 * 0.5 s of CPU in 1 s of a 2-CPU host (50%), memory 10 MiB used of a 64 MiB limit after 2 MiB of
 * inactive file cache (cgroup v1 fields). Requests without {@code one-shot=true} carry the previous
 * tick as precpu, as the engine's {@code stream=false} does.
 */
public final class FakeDockerEngine implements AutoCloseable {

    public enum Behaviour {
        NORMAL,
        /** stats requests never answer (until the fake closes) */
        HANG,
        /** stats requests answer 500 */
        FAIL
    }

    private static final long CPU_PER_TICK = 500_000_000L;
    private static final long SYSTEM_PER_TICK = 2_000_000_000L;

    private final class Container {
        final String id;
        final String name;
        volatile Behaviour behaviour;
        volatile boolean running = true;
        final AtomicLong ticks = new AtomicLong(10);
        final AtomicLong cpuBase = new AtomicLong();

        Container(String id, String name, Behaviour behaviour) {
            this.id = id;
            this.name = name;
            this.behaviour = behaviour;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final List<String> statsQueries = new CopyOnWriteArrayList<>();
    private final AtomicInteger hanging = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    private FakeDockerEngine(HttpServer server) {
        this.server = server;
    }

    /** Starts a fake engine on 127.0.0.1 and a free port. */
    public static FakeDockerEngine start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeDockerEngine fake = new FakeDockerEngine(server);
        server.setExecutor(fake.executor); // one virtual thread per exchange: a hung one blocks no other
        server.createContext("/", fake::handle);
        server.start();
        return fake;
    }

    /** Adds a running container. */
    public FakeDockerEngine container(String id, String name, Behaviour behaviour) {
        containers.put(id, new Container(id, name, behaviour));
        return this;
    }

    public void setRunning(String id, boolean running) {
        containers.get(id).running = running;
    }

    /** The container restarts: a new cgroup, its CPU counter starts near zero again. */
    public void restart(String id) {
        Container c = containers.get(id);
        c.cpuBase.set(-c.ticks.get() * CPU_PER_TICK + 1);
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A client for this fake over plain HTTP (HttpClient 5, as every built-in transport). */
    public DockerClient client() {
        return new DockerClient(Endpoint.of(uri()), transport());
    }

    /** A transport of its own, for tests that look at its connections. */
    public HttpClientTransport transport() {
        return new HttpClientTransport(new HttpClientTransport.Connector(
                new HttpHost("http", "127.0.0.1", port()), null, null, null, true), PoolSizes.DEFAULTS);
    }

    /** Every stats request as {@code ID?QUERY}, in arrival order. */
    public List<String> statsQueries() {
        return List.copyOf(statsQueries);
    }

    /** The query strings of the stats requests for one container, in arrival order. */
    public List<String> statsQueries(String id) {
        String prefix = id + "?";
        return statsQueries.stream().filter(q -> q.startsWith(prefix)).map(q -> q.substring(prefix.length())).toList();
    }

    /** Stats requests blocked in a {@link Behaviour#HANG} container right now. */
    public int hanging() {
        return hanging.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.equals("/_ping")) {
                exchange.getResponseHeaders().add("API-Version", "1.41");
                send(exchange, 200, "text/plain", "OK");
                return;
            }
            String[] parts = path.replaceFirst("^/v[0-9.]+", "").split("/");
            if (parts.length == 3 && parts[1].equals("containers") && parts[2].equals("json")) {
                send(exchange, 200, "application/json", list());
            } else if (parts.length == 4 && parts[1].equals("containers")) {
                Container c = find(parts[2]);
                if (c == null) {
                    send(exchange, 404, "application/json", "{\"message\":\"No such container: " + parts[2] + "\"}");
                } else if (parts[3].equals("json")) {
                    send(exchange, 200, "application/json", inspect(c));
                } else if (parts[3].equals("stats")) {
                    statsQueries.add(c.id + "?" + query);
                    stats(exchange, c, query != null && query.contains("one-shot=true"));
                } else {
                    send(exchange, 404, "application/json", "{\"message\":\"page not found\"}");
                }
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"page not found\"}");
            }
        }
    }

    private void stats(HttpExchange exchange, Container c, boolean oneShot) throws IOException {
        switch (c.behaviour) {
            case HANG -> {
                hanging.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    hanging.decrementAndGet();
                }
            }
            case FAIL -> send(exchange, 500, "application/json", "{\"message\":\"cgroup read failed for " + c.name + "\"}");
            case NORMAL -> send(exchange, 200, "application/json", c.running ? sample(c, oneShot) : stopped(c));
        }
    }

    private Container find(String idOrName) {
        for (Container c : containers.values()) {
            if (c.id.startsWith(idOrName) || c.name.equals(idOrName)) {
                return c;
            }
        }
        return null;
    }

    private String list() {
        List<String> entries = new ArrayList<>();
        for (Container c : containers.values()) {
            if (c.running) {
                entries.add("{\"Id\":\"" + c.id + "\",\"Names\":[\"/" + c.name + "\"],\"Image\":\"fake\",\"State\":\"running\",\"Status\":\"Up\"}");
            }
        }
        return "[" + String.join(",", entries) + "]";
    }

    private static String inspect(Container c) {
        return "{\"Id\":\"" + c.id + "\",\"Name\":\"/" + c.name + "\",\"State\":{\"Running\":" + c.running
                + ",\"StartedAt\":\"2026-11-23T08:00:00Z\"}}";
    }

    private static String sample(Container c, boolean oneShot) {
        long k = c.ticks.incrementAndGet();
        Instant now = Instant.now();
        String pre = oneShot
                ? "\"preread\":\"0001-01-01T00:00:00Z\",\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":0},\"throttling_data\":{}}"
                : "\"preread\":\"" + now.minusSeconds(1) + "\",\"precpu_stats\":" + cpu(c, k - 1);
        return "{\"id\":\"" + c.id + "\",\"name\":\"/" + c.name + "\",\"read\":\"" + now + "\"," + pre
                + ",\"cpu_stats\":" + cpu(c, k)
                + ",\"memory_stats\":{\"usage\":12582912,\"limit\":67108864,\"stats\":{\"inactive_file\":2097152,\"total_inactive_file\":2097152}}"
                + ",\"pids_stats\":{\"current\":1}}";
    }

    private static String cpu(Container c, long tick) {
        return "{\"cpu_usage\":{\"total_usage\":" + (c.cpuBase.get() + tick * CPU_PER_TICK)
                + "},\"system_cpu_usage\":" + tick * SYSTEM_PER_TICK + ",\"online_cpus\":2}";
    }

    private static String stopped(Container c) {
        return "{\"id\":\"" + c.id + "\",\"name\":\"/" + c.name + "\",\"read\":\"0001-01-01T00:00:00Z\","
                + "\"preread\":\"0001-01-01T00:00:00Z\",\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},"
                + "\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},\"memory_stats\":{}}";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Releases hung requests, stops the server and its threads. */
    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
