package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing serve-ipc's stdin: random bytes, random JSON, the protocol's messages with fields of the
 * wrong type, huge numbers, deep nesting and long lines, all into one worker. After each input the
 * worker must still answer a request (so it neither died nor lost its place in the stream), and
 * every stdout line must be one JSON object.
 */
class IpcInputProperties {

    private static InProcessWorker worker;
    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong PROBES = new AtomicLong();

    @BeforeContainer
    static void start() throws InterruptedException {
        worker = new InProcessWorker("fuzz-worker", Map.of("SKIP_DF_COLLECTION", "true"));
        worker.await("ready", Duration.ofSeconds(10), m -> m.path("type").asText().equals("ready"));
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        for (int envId = 0; envId < 3; envId++) {
            worker.send("{\"type\":\"remove\",\"envId\":" + envId + "}");
        }
        worker.close();
        assertEquals(List.of(), worker.invalidLines(), "stdout: JSON objects only");
        String line = "[faults] fuzz: " + INPUTS.get() + " inputs fed to one in-process worker, " + PROBES.get()
                + " answered probes after them, " + worker.messages().size() + " stdout lines, all JSON objects; "
                + worker.stderr().size() + " stderr lines";
        System.out.println(line);
        Captured.keep("fuzz", line);
    }

    /** Feeds {@code input} and a newline, then checks the worker answers a request sent after it. */
    private static void feed(byte[] input) throws InterruptedException {
        INPUTS.incrementAndGet();
        worker.send(input);
        worker.send("\n".getBytes(StandardCharsets.UTF_8));
        long probe = 1_000_000L + PROBES.incrementAndGet();
        worker.send("{\"type\":\"container_metrics\",\"envId\":" + probe + ",\"container\":\"x\",\"from\":0}");
        worker.await("the answer to probe " + probe, Duration.ofSeconds(20),
                m -> m.path("type").asText().equals("error") && m.path("envId").asLong() == probe);
        assertTrue(worker.alive(), "the worker is alive");
        assertEquals(List.of(), worker.invalidLines(), "stdout: JSON objects only");
        assertEquals(0, worker.pendingBytes(), "no half line on stdout");
    }

    private static void feed(String input) throws InterruptedException {
        feed(input.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1500)
    void randomBytes(@ForAll @Size(max = 4096) byte[] bytes) throws InterruptedException {
        feed(bytes);
    }

    @Property(tries = 1500)
    void randomJson(@ForAll("json") String json) throws InterruptedException {
        feed(json);
    }

    @Property(tries = 2000)
    void messagesWithFieldsOfAnyType(@ForAll("messages") String json) throws InterruptedException {
        feed(json);
    }

    @Property(tries = 200)
    void deepNesting(@ForAll @IntRange(min = 1, max = 200_000) int depth, @ForAll boolean objects) throws InterruptedException {
        StringBuilder b = new StringBuilder("{\"type\":\"configure\",\"config\":");
        b.append((objects ? "{\"a\":" : "[").repeat(depth)).append("1").append((objects ? "}" : "]").repeat(depth)).append('}');
        feed(b.toString());
    }

    @Property(tries = 12)
    void longLines(@ForAll @IntRange(min = 1_000_000, max = 22_000_000) int length, @ForAll boolean valid) throws InterruptedException {
        byte[] line = new byte[length];
        java.util.Arrays.fill(line, (byte) 'a');
        if (valid) { // a message with one long string: refused only when over the 10 MiB line limit
            byte[] head = "{\"type\":\"remove\",\"envId\":0,\"name\":\"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(head, 0, line, 0, head.length);
            line[length - 2] = '"';
            line[length - 1] = '}';
        }
        feed(line);
    }

    // --- generators -------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> json() {
        return value(4);
    }

    /** Any JSON value, up to {@code depth} levels, with the numbers and strings that break parsers. */
    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("N") && !s.contains("I")),
                Arbitraries.of("1e400", "-1e400", "123456789012345678901234567890", "-0", "0.0000000000000000000001",
                        "9223372036854775808", "1.5", "true", "false", "null", "\"\"", "\"\\u0000\"", "\"\\ud800\""),
                Arbitraries.strings().ofMaxLength(40).map(IpcInputProperties::quoted));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8)),
                value(depth - 1)).ofMaxSize(4).map(IpcInputProperties::object);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, scalar), net.jqwik.api.Tuple.of(2, array), net.jqwik.api.Tuple.of(2, object));
    }

    private static final String[] FIELDS = {"type", "envId", "name", "config", "connectionType", "hawserToken", "intervalMs",
        "mode", "pollIntervalMs", "container", "from", "socketPath", "host", "port", "ca", "cert", "key", "skipVerify"};

    /**
     * The protocol's messages (never {@code shutdown}, which ends the worker) with each field of a
     * random type or a plausible value; a configure points only at places where no engine is.
     */
    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> type = Arbitraries.oneOf(
                Arbitraries.of("configure", "remove", "set_metrics_interval", "set_event_mode", "container_metrics", "nonsense").map(IpcInputProperties::quoted),
                value(1));
        Arbitrary<String> config = Arbitraries.maps(Arbitraries.of("type", "socketPath", "host", "port", "ca", "cert", "key", "skipVerify"),
                Arbitraries.oneOf(Arbitraries.of("\"socket\"", "\"http\"", "\"https\"", "\"ssh\"", "\"/tmp/dst-fa-nowhere.sock\"",
                        "\"127.0.0.1\"", "\"::1\"", "\"bad host name\"", "9", "0", "70000", "true", "\"-----BEGIN CERTIFICATE-----\\nxx\\n\""), value(1)))
                .ofMaxSize(6).map(m -> {
                    // never the default socket or a live port: a configure must not reach a real engine
                    m.put("socketPath", "\"/tmp/dst-fa-nowhere.sock\"");
                    if (m.containsKey("port")) {
                        m.put("port", "9");
                    }
                    return object(m);
                });
        Arbitrary<String> field = Arbitraries.oneOf(value(2), Arbitraries.longs().between(-3, 3).map(String::valueOf), config);
        return Arbitraries.maps(Arbitraries.of(FIELDS), field).ofMaxSize(6).flatMap(fields -> type.map(t -> {
            fields.put("type", t);
            if (fields.containsKey("envId") && fields.get("envId").matches("-?[0-9]+")) {
                fields.put("envId", String.valueOf(Math.floorMod(Long.parseLong(fields.get("envId").length() > 18 ? "0" : fields.get("envId")), 3)));
            }
            if ("\"configure\"".equals(t) && !fields.containsKey("config")) {
                fields.put("config", "{\"type\":\"socket\",\"socketPath\":\"/tmp/dst-fa-nowhere.sock\"}");
            }
            if (fields.containsKey("config") && fields.get("config").startsWith("{") && !fields.get("config").contains("dst-fa-nowhere")) {
                fields.put("config", "{\"type\":\"http\",\"host\":\"127.0.0.1\",\"port\":9}");
            }
            return object(fields);
        }));
    }

    private static String object(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quoted(k)).append(':').append(v));
        return b.append('}').toString();
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
