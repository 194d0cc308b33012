package dev.dockstat.transport.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.api.Json;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every transport plugin must do, checked against the real test bed (scripts/testbed up). A
 * plugin's test extends this as {@code *IT} and supplies one factory method, {@link #endpoint}; the
 * transport is then obtained the way dockstat obtains it, through {@link TransportRegistry#load()},
 * so the plugin's {@code META-INF/services} entry is under test too.
 *
 * <p>Containers are named {@code dst-tr-<label>-...} and removed after the class. Timings measured
 * here are printed as {@code [tck <label>] ...} lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransportContract {

    /** How long the engine may take to tell about a container event. */
    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);
    /** What "promptly" means for a close or a deadline. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private TransportRegistry registry;
    private String idle;

    /** The endpoint of the test bed that this plugin serves (address, TLS settings, token). */
    protected abstract Endpoint endpoint(TestBed bed);

    /** Short name in container names and output; defaults to the class name without "TransportIT". */
    protected String label() {
        return getClass().getSimpleName().replace("TransportIT", "").replace("IT", "").toLowerCase(Locale.ROOT);
    }

    @BeforeAll
    final void startIdleContainer() {
        TestBed.get();
        registry = TransportRegistry.load();
        idle = TestBed.idle(name("idle"));
    }

    @AfterAll
    final void removeContainers() {
        TestBed.remove(name("idle"), name("event"));
    }

    private String name(String role) {
        return "dst-tr-" + label() + "-" + role;
    }

    private Endpoint endpoint() {
        return endpoint(TestBed.get());
    }

    private Transport open(Endpoint endpoint) throws TransportConfigException {
        return registry.open(endpoint);
    }

    private void report(String line) {
        System.out.println("[tck " + label() + "] " + line);
    }

    @Test
    void pingAnswersWithTheApiVersion() throws Exception {
        try (Transport transport = open(endpoint());
             TransportResponse ping = transport.execute(TransportRequest.get("/_ping", TransportRequest.Pool.REQUEST, Duration.ofSeconds(5)))) {
            assertEquals(200, ping.status());
            assertTrue(ping.header("API-Version").isPresent(), "API-Version header");
            assertEquals("OK", new String(ping.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void listsContainers() throws Exception {
        try (DockerClient client = new DockerClient(endpoint(), open(endpoint()))) {
            List<ContainerSummary> running = client.containers(false);
            assertTrue(running.stream().anyMatch(c -> c.id().equals(idle)), "the idle test container is listed");
        }
    }

    @Test
    void readsStatsOfARunningContainer() throws Exception {
        try (DockerClient client = new DockerClient(endpoint(), open(endpoint()))) {
            StatsSample sample = client.stats(name("idle"), DockerClient.StatsMode.ONE_SHOT);
            assertEquals(idle, sample.id());
            assertTrue(sample.memUsage() > 0, "memory usage");
            assertTrue(sample.cpuTotal() > 0, "cpu usage");
        }
    }

    @Test
    void eventStreamDeliversAContainerStartedDuringTheTest() throws Exception {
        String container = name("event");
        TestBed.remove(container);
        EventQuery query = new EventQuery(null, null, Map.of("type", List.of("container"), "container", List.of(container)));
        try (DockerClient client = new DockerClient(endpoint(), open(endpoint()));
             EventLines lines = client.events(query)) {
            CompletableFuture<JsonNode> start = CompletableFuture.supplyAsync(() -> firstStart(lines), r -> Thread.ofVirtual().start(r));
            long t0 = System.nanoTime();
            TestBed.run(container, TestBed.IMAGE, "true");
            JsonNode event = start.get(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(container, event.path("Actor").path("Attributes").path("name").asText());
            assertTrue(event.hasNonNull("timeNano"), "timeNano");
            report("start event of " + container + " read " + millis(t0) + " ms after docker run began");
        }
    }

    private static JsonNode firstStart(EventLines lines) {
        try {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                JsonNode event = Json.MAPPER.readTree(line);
                if ("start".equals(event.path("Action").asText())) {
                    return event;
                }
            }
            throw new AssertionError("the event stream ended without a start event");
        } catch (IOException e) {
            throw new AssertionError("reading events: " + e, e);
        }
    }

    @Test
    void requestDeadlineFiresOnAPeerThatNeverAnswers() throws Exception {
        Duration deadline = Duration.ofMillis(500);
        try (SilentPeer peer = SilentPeer.like(endpoint());
             Transport transport = open(peer.standIn(endpoint()))) {
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class,
                    () -> transport.execute(TransportRequest.get("/_ping", TransportRequest.Pool.REQUEST, deadline)).close());
            long elapsed = millis(t0);
            assertInstanceOf(SocketTimeoutException.class, e);
            assertEquals("no answer within 500ms (GET /_ping)", e.getMessage());
            assertTrue(elapsed >= 450 && elapsed < PROMPTLY.toMillis(), "failed after " + elapsed + " ms");
            assertTrue(peer.connections() >= 1, "the request reached the silent peer");
            report("500 ms deadline on a silent peer fired after " + elapsed + " ms");
        }
    }

    @Test
    void closingTheTransportEndsAnOpenStreamPromptly() throws Exception {
        Transport transport = open(endpoint());
        DockerClient client = new DockerClient(endpoint(), transport);
        // a filter nothing matches: the stream stays silent, so the reader blocks in a read
        EventQuery quiet = new EventQuery(null, null, Map.of("container", List.of(name("never-created"))));
        EventLines lines = client.events(quiet);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().name("tck-reader").start(() -> {
            try {
                outcome.complete(lines.next() == null ? "end of stream" : "an unexpected line");
            } catch (IOException e) {
                outcome.complete(e.getClass().getSimpleName());
            }
        });
        TestBed.await("the reader to block in a socket read", Duration.ofSeconds(5), () -> blockedInRead(reader));
        long t0 = System.nanoTime();
        transport.close();
        String how = outcome.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
        long elapsed = millis(t0);
        lines.close();
        report("close() ended a blocked event stream read after " + elapsed + " ms (" + how + ")");
    }

    /** The reader's stack is below EventLines and inside I/O code (not dockstat's). */
    private static boolean blockedInRead(Thread reader) {
        StackTraceElement[] stack = reader.getStackTrace();
        return stack.length > 0 && !stack[0].getClassName().startsWith("dev.dockstat")
                && Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(EventLines.class.getName()));
    }

    @Test
    void requestsOneAfterAnotherReuseOnePooledConnection() throws Exception {
        assumeTrue(OpenSockets.supported(), "/proc/self/fd is needed to count sockets");
        try (Transport transport = open(endpoint())) {
            ping(transport); // opens the pool's connection (and the JDK's own first-connection sockets)
            Set<String> before = OpenSockets.open();
            for (int i = 0; i < 5; i++) {
                ping(transport);
            }
            Set<String> opened = OpenSockets.openedSince(before);
            // a connection that is not reused costs a handshake per request (TLS: milliseconds of CPU) and a socket
            assertEquals(Set.of(), opened, "five more requests one after another open no connection (" + before.size() + " sockets before)");
        }
    }

    private static void ping(Transport transport) throws IOException {
        try (TransportResponse ping = transport.execute(TransportRequest.get("/_ping", TransportRequest.Pool.REQUEST, Duration.ofSeconds(5)))) {
            assertEquals(200, ping.status());
            ping.body().readAllBytes();
        }
    }

    @Test
    void closeReleasesEverySocketOfEveryPool() throws Exception {
        assumeTrue(OpenSockets.supported(), "/proc/self/fd is needed to count sockets");
        // The JDK opens a few sockets of its own on a process's first connection and keeps them a
        // while; one connection first keeps those out of the count.
        try (Transport warmUp = open(endpoint())) {
            warmUp.execute(TransportRequest.get("/_ping", TransportRequest.Pool.REQUEST, Duration.ofSeconds(5))).close();
        }
        Set<String> before = OpenSockets.open();
        Transport transport = open(endpoint());
        DockerClient client = new DockerClient(endpoint(), transport);
        client.ping(DockerClient.PING_TIMEOUT);
        client.containers(false);
        int fanout = 4;
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StatsSample>> stats = new ArrayList<>();
            for (int i = 0; i < fanout; i++) {
                stats.add(parallel.submit(() -> client.stats(name("idle"), DockerClient.StatsMode.ONE_SHOT)));
            }
            for (Future<StatsSample> f : stats) {
                f.get();
            }
        }
        EventLines stream = client.events(new EventQuery(null, null, Map.of("container", List.of(name("never-created")))));
        // by identity: a socket of an earlier test closing meanwhile moves a count, not these
        Set<String> opened = OpenSockets.openedSince(before);
        assertTrue(opened.size() >= 3, "request, fanout and stream pools hold sockets: " + opened.size() + " opened");
        transport.close();
        TestBed.await("every socket it opened to close (" + opened.size() + ")", Duration.ofSeconds(5),
                () -> OpenSockets.open().stream().noneMatch(opened::contains));
        stream.close();
        report("open sockets: " + before.size() + " before, " + opened.size() + " opened with the three pools in use, "
                + OpenSockets.open().stream().filter(opened::contains).count() + " of them left after close()");
    }

    private static long millis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
