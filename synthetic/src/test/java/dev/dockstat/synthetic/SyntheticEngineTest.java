package dev.dockstat.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The synthetic engine's API and control API over HTTP, in process: the behaviours the fleet measurements rely on. */
class SyntheticEngineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SyntheticFleet fleet;
    private String engine;

    @BeforeEach
    void start() throws IOException {
        int base;
        int control;
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            base = a.getLocalPort();
            control = b.getLocalPort();
        }
        fleet = SyntheticFleet.start("--engines", "1", "--containers", "5", "--port-base", "" + base, "--control", "" + control);
        engine = fleet.engineUri(0).replace("tcp://", "http://");
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String post(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fleet.controlUri() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void pingAndVersionAnswerAsDockerd() throws Exception {
        HttpResponse<String> ping = get(engine + "/_ping");
        assertEquals("OK", ping.body());
        assertEquals("1.41", ping.headers().firstValue("Api-Version").orElseThrow());
        assertEquals("false", ping.headers().firstValue("Docker-Experimental").orElseThrow());
        assertEquals("text/plain; charset=utf-8", ping.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("1.41", MAPPER.readTree(get(engine + "/v1.41/version").body()).get("ApiVersion").asText());
        HttpResponse<String> tooNew = get(engine + "/v1.99/version");
        assertEquals(400, tooNew.statusCode());
        assertTrue(tooNew.body().contains("client version 1.99 is too new"), tooNew.body());
        assertEquals(404, get(engine + "/v1.41/containers/nope/json").statusCode());
    }

    @Test
    void eventsReplayFromSinceWithFiltersAndEndAtUntil() throws Exception {
        SyntheticEngine e = fleet.engine(0);
        SyntheticContainer started = e.createAndStart();
        e.stop(started);
        long now = Times.nowNanos() / 1_000_000_000L + 1;
        String filters = "{\"type\":[\"container\"],\"container\":[\"" + started.name + "\"]}";
        List<JsonNode> events = lines(get(engine + "/v1.41/events?since=0&until=" + now + "&filters=" + q(filters)).body());
        assertEquals(List.of("create", "start", "kill", "die", "stop"), events.stream().map(n -> n.get("Action").asText()).toList());
        JsonNode die = events.get(3);
        assertEquals(started.id, die.get("id").asText());
        assertEquals("0", die.get("Actor").get("Attributes").get("exitCode").asText());
        assertEquals(die.get("timeNano").asLong() / 1_000_000_000L, die.get("time").asLong());
        // the old map form of filters, and label and event keys
        String old = "{\"event\":{\"die\":true},\"label\":{\"dockstat.synthetic=1\":true}}";
        assertEquals(6, lines(get(engine + "/events?since=0&until=" + now + "&filters=" + q(old)).body()).size() + 5,
                "one die among the five containers at start and the one started here");
        assertEquals(400, get(engine + "/events?filters=" + q("{\"colour\":[\"red\"]}")).statusCode());
        assertEquals(400, get(engine + "/events?since=20&until=10").statusCode());
    }

    @Test
    void aRestartForgetsTheReplayButNotTheRecord() throws Exception {
        long now = Times.nowNanos() / 1_000_000_000L + 1;
        assertEquals(15, lines(get(engine + "/events?since=0&until=" + now).body()).size(), "create, connect, start for 5");
        post("/engines/0/restart");
        assertEquals(0, lines(get(engine + "/events?since=0&until=" + now).body()).size());
        assertEquals(15, MAPPER.readTree(get(fleet.controlUri() + "/engines/0/events?since=0").body()).size());
    }

    @Test
    void anUntilAloneReplaysTheBufferThenFollowsLiveEventsUntilThen() throws Exception {
        long until = Times.nowNanos() + 1_500_000_000L;
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(engine + "/events?until="
                + EventQueryText.of(until))).build(), HttpResponse.BodyHandlers.ofInputStream());
        fleet.engine(0).churn();
        List<String> actions = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                actions.add(MAPPER.readTree(line).get("Action").asText());
            }
        }
        // with an until and no since dockerd replays its whole buffer first (the 15 events of the 5 starts), then follows
        assertEquals(15 + 7, actions.size(), actions.toString());
        assertEquals(List.of("kill", "die", "disconnect", "stop", "create", "connect", "start"), actions.subList(15, 22));
        assertTrue(Times.nowNanos() >= until, "the stream ended at until, not before");
    }

    @Test
    void statsOfAStoppedContainerAreDockerdsZeroObject() throws Exception {
        SyntheticEngine e = fleet.engine(0);
        SyntheticContainer c = e.containers().get(0);
        e.stop(c);
        JsonNode s = MAPPER.readTree(get(engine + "/containers/" + c.name + "/stats?stream=false").body());
        assertEquals("0001-01-01T00:00:00Z", s.get("read").asText());
        assertEquals(0, s.get("cpu_stats").get("cpu_usage").get("total_usage").asLong());
        assertEquals("/" + c.name, s.get("name").asText());
    }

    @Test
    void aStreamSendsEachReadingWithThePreviousAsPrecpu() throws Exception {
        String id = fleet.engine(0).containers().get(1).id.substring(0, 10); // an ID prefix resolves
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(engine + "/containers/" + id + "/stats"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertTrue(r.headers().firstValue("Content-Type").isEmpty(), "dockerd sends no content type on a stats stream");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            JsonNode a = MAPPER.readTree(in.readLine());
            JsonNode b = MAPPER.readTree(in.readLine());
            assertEquals("0001-01-01T00:00:00Z", a.get("preread").asText());
            assertFalse(a.get("precpu_stats").has("system_cpu_usage"));
            assertEquals(a.get("read").asText(), b.get("preread").asText());
            assertEquals(a.get("cpu_stats"), b.get("precpu_stats"));
            long system = b.get("cpu_stats").get("system_cpu_usage").asLong() - a.get("cpu_stats").get("system_cpu_usage").asLong();
            long readGap = java.time.Duration.between(java.time.Instant.parse(a.get("read").asText()),
                    java.time.Instant.parse(b.get("read").asText())).toNanos();
            assertEquals(4.0 * readGap, system, 4.0 * 20_000_000, "the host's 4 CPUs' time advances with the clock");
        }
    }

    @Test
    void downResetsAndCountsAttemptsThenUpAnswersAgain() throws Exception {
        post("/engines/all/down");
        assertThrows(IOException.class, () -> get(engine + "/_ping"));
        post("/engines/0/up");
        assertEquals(200, get(engine + "/_ping").statusCode());
        JsonNode metrics = MAPPER.readTree(get(fleet.controlUri() + "/metrics").body());
        JsonNode counters = metrics.get("engines").get(0).get("counters");
        assertTrue(counters.get("connectionAttemptsRefused").asLong() >= 1, counters.toString());
        assertTrue(counters.get("requests").get("ping").asLong() >= 1, counters.toString());
        assertTrue(metrics.get("maxAttemptsPerSecond").asLong() >= 2, metrics.toString());
    }

    @Test
    void aStalledEngineAnswersOnlyWhenUp() throws Exception {
        post("/engines/0/stall");
        HttpRequest ping = HttpRequest.newBuilder(URI.create(engine + "/_ping")).timeout(Duration.ofMillis(300)).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(ping, HttpResponse.BodyHandlers.ofString()));
        var pending = http.sendAsync(HttpRequest.newBuilder(URI.create(engine + "/_ping")).build(), HttpResponse.BodyHandlers.ofString());
        post("/engines/0/up");
        assertEquals("OK", pending.get().body());
    }

    private static List<JsonNode> lines(String body) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(MAPPER.readTree(line));
            }
        }
        return out;
    }

    /** {@code seconds.nanoseconds}, the form dockstat sends. */
    private static final class EventQueryText {
        static String of(long unixNanos) {
            return String.format("%d.%09d", unixNanos / 1_000_000_000L, unixNanos % 1_000_000_000L);
        }
    }
}
