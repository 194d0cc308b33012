package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboundDecoderTest {

    static Inbound decode(String line) throws InboundDecoder.WireException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return InboundDecoder.decode(b, b.length);
    }

    static String rejection(String line) {
        return assertThrows(InboundDecoder.WireException.class, () -> decode(line)).getMessage();
    }

    @Test
    void configureWithEveryField() throws Exception {
        var c = assertInstanceOf(Inbound.Configure.class, decode("{\"type\":\"configure\",\"envId\":4,\"name\":\"prod\","
                + "\"connectionType\":\"hawser-standard\",\"hawserToken\":\"s3cret\",\"config\":{\"type\":\"https\",\"host\":\"docker.example.com\","
                + "\"port\":2376,\"ca\":\"CA\",\"cert\":\"CERT\",\"key\":\"KEY\",\"skipVerify\":true},\"extra\":[1,2]}"));
        assertEquals(4, c.envId());
        assertEquals("prod", c.name());
        assertEquals("s3cret", c.hawserToken().reveal());
        assertEquals(new EnvConfig("https", null, "docker.example.com", 2376, "CA", "CERT", dev.dockstat.core.spi.Secret.of("KEY", "t"), true), c.config());
        assertFalse(c.toString().contains("s3cret") || c.toString().contains("KEY"), c.toString());
    }

    @Test
    void theStatsSourceExtensionIsOptional() throws Exception {
        var kernel = assertInstanceOf(Inbound.Configure.class, decode("{\"type\":\"configure\",\"envId\":1,"
                + "\"config\":{\"type\":\"socket\"},\"statsSource\":\"kernel\"}"));
        assertEquals("kernel", kernel.statsSource());
        var dockhand = assertInstanceOf(Inbound.Configure.class, decode("{\"type\":\"configure\",\"envId\":1,\"config\":{\"type\":\"socket\"}}"));
        assertEquals(null, dockhand.statsSource(), "Dockhand's message as it is: the worker's default");
    }

    @Test
    void everyTypeOfMessage() throws Exception {
        assertEquals(new Inbound.Remove(2), decode("{\"type\":\"remove\",\"envId\":2}"));
        assertEquals(new Inbound.SetMetricsInterval(5000), decode("{\"type\":\"set_metrics_interval\",\"intervalMs\":5000}"));
        assertEquals(new Inbound.SetEventMode("poll", 1000), decode("{\"type\":\"set_event_mode\",\"mode\":\"poll\",\"pollIntervalMs\":1000}"));
        assertEquals(new Inbound.Shutdown(), decode("{\"type\":\"shutdown\"}"));
        assertEquals(new Inbound.ContainerMetrics(1, "web", 42), decode("{\"type\":\"container_metrics\",\"envId\":1,\"container\":\"web\",\"from\":42}"));
        assertEquals(new Inbound.Unknown("hello"), decode("{\"type\":\"hello\"}"));
        assertEquals(new Inbound.Unknown(null), decode("{\"envId\":1}"));
        assertEquals(new Inbound.Unknown(null), decode("null"));
    }

    @Test
    void absentAndNullFieldsReadAsGoZeroValues() throws Exception {
        var c = assertInstanceOf(Inbound.Configure.class, decode("{\"type\":\"configure\",\"envId\":null,\"hawserToken\":\"\",\"config\":null}"));
        assertEquals(0, c.envId());
        assertNull(c.hawserToken());
        assertNull(c.config());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"remove\",\"envId\":\"x\"}                 | envId: expected an integer, got a string",
        "{\"type\":\"remove\",\"envId\":\"3\"}                 | envId: expected an integer, got a string",
        "{\"type\":\"remove\",\"envId\":1.5}                   | envId: expected an integer, got a fraction",
        "{\"type\":\"remove\",\"envId\":1e3}                   | envId: expected an integer, got a fraction",
        "{\"type\":\"remove\",\"envId\":99999999999999999999}  | envId: integer out of range",
        "{\"type\":7}                                          | type: expected a string, got a number",
        "{\"type\":\"configure\",\"config\":\"socket\"}        | config: expected an object, got a string",
        "{\"type\":\"configure\",\"config\":{\"skipVerify\":\"true\"}} | skipVerify: expected true or false, got a string",
        "{\"type\":\"configure\",\"config\":{\"port\":\"2375\"}}       | port: expected an integer, got a string",
        "{\"type\":\"shutdown\",\"intervalMs\":[]}             | intervalMs: expected an integer, got an array",
        "[1,2]                                                 | expected a JSON object, got an array",
        "\"configure\"                                         | expected a JSON object, got a string",
    })
    void wrongTypesAreRejectedWithTheFieldNamed(String line, String reason) {
        assertEquals(reason, rejection(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":", "not json", "{\"type\":\"shutdown\"} trailing", "{\"type\":\"shutdown\"}}", "{'type':'x'}"})
    void malformedLinesAreRejected(String line) {
        rejection(line);
    }

    @Test
    void aRejectionNeverQuotesTheLine() {
        String reason = rejection("{\"type\":\"configure\",\"hawserToken\":s3cretToken}");
        assertFalse(reason.contains("s3cret"), reason);
        assertTrue(reason.startsWith("malformed JSON"), reason);
    }

    @Test
    void aHugeStringOrDeepNestingIsRefusedBeforeItCostsTheHeap() {
        String huge = "{\"type\":\"remove\",\"name\":\"" + "a".repeat(InboundDecoder.MAX_STRING + 1) + "\"}";
        assertEquals("a string longer than " + InboundDecoder.MAX_STRING + " characters", rejection(huge));
        assertEquals("nested deeper than " + InboundDecoder.MAX_DEPTH + " levels",
                rejection("{\"type\":\"remove\",\"extra\":" + "[".repeat(100) + "]".repeat(100) + "}"));
        String justFits = "{\"type\":\"configure\",\"envId\":1,\"config\":{\"type\":\"https\",\"ca\":\""
                + "c".repeat(InboundDecoder.MAX_STRING) + "\"}}";
        assertDoesNotThrow(() -> decode(justFits));
    }
}
