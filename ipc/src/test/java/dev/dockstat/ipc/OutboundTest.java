package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockstat.core.stats.HostMetrics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The outbound lines, compared with what the Go worker's encoding/json writes for the same values. */
class OutboundTest {

    static String line(Outbound m) {
        return new String(m.encode(), StandardCharsets.UTF_8);
    }

    static RawJson raw(String json) throws RawJson.InvalidJsonException {
        return RawJson.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readyIsTheBareType() {
        assertEquals("{\"type\":\"ready\"}\n", line(new Outbound.Ready()));
    }

    @Test
    void envStatusAlwaysCarriesOnlineAndOmitsAnEmptyError() {
        assertEquals("{\"type\":\"env_status\",\"envId\":3,\"online\":true}\n", line(new Outbound.EnvStatus(3, true, null)));
        assertEquals("{\"type\":\"env_status\",\"envId\":3,\"online\":false,\"error\":\"Docker not reachable\"}\n",
                line(new Outbound.EnvStatus(3, false, "Docker not reachable")));
        assertEquals("{\"type\":\"env_status\",\"envId\":3,\"online\":false}\n", line(new Outbound.EnvStatus(3, false, "")));
    }

    @Test
    void envIdZeroIsOmittedAsGoOmitsIt() {
        assertEquals("{\"type\":\"error\",\"error\":\"configure: x\"}\n", line(new Outbound.Error(0, "configure: x")));
        assertEquals("{\"type\":\"env_status\",\"online\":true}\n", line(new Outbound.EnvStatus(0, true, null)));
    }

    @Test
    void metricsWriteZerosAndGoNumbers() {
        assertEquals("{\"type\":\"metrics\",\"envId\":1,\"cpu\":0,\"memPercent\":0,\"memUsed\":0,\"memTotal\":1024,\"cpuCount\":2}\n",
                line(new Outbound.Metrics(1, new HostMetrics(0.0, 0.0, 0, 1024, 2))));
        assertEquals("{\"type\":\"metrics\",\"envId\":1,\"cpu\":25.031,\"memPercent\":0.011229904668966555,\"memUsed\":2838528,"
                + "\"memTotal\":25276510208,\"cpuCount\":2}\n",
                line(new Outbound.Metrics(1, new HostMetrics(25.031, 0.011229904668966555, 2838528, 25276510208L, 2))));
    }

    @ParameterizedTest
    @CsvSource({
        "25.0, 25", "0.1, 0.1", "100.0, 100", "1.0E-6, 0.000001", "1.5E-7, 1.5e-7", "1.0E21, 1e+21", "123456789.0, 123456789",
        "1.0E20, 100000000000000000000", "-2.5, -2.5", "3.3333333333333335, 3.3333333333333335",
    })
    void numbersLookLikeGos(double value, String go) {
        assertEquals(go, JsonLine.goNumber(Double.toString(value), Math.abs(value)));
    }

    @Test
    void nonFiniteNumbersAreRefusedNotWritten() {
        assertThrows(IllegalArgumentException.class, () -> new JsonLine().open().field("cpu", Double.NaN));
    }

    @Test
    void stringsAreEscapedAsGoEscapesThem() {
        String text = "a\"b\\c\nd\te<f>g&h\u0001\u2028é😀";
        assertEquals("{\"type\":\"error\",\"envId\":1,\"error\":\"a\\\"b\\\\c\\nd\\te\\u003cf\\u003eg\\u0026h\\u0001\\u2028é😀\"}\n",
                line(new Outbound.Error(1, text)));
    }

    @Test
    void eventBytesPassThroughUntouched() throws Exception {
        String event = "{\"status\":\"start\", \"Type\":\"container\",\"Actor\":{\"Attributes\":{\"name\":\"<a&b>\",\"x\":\"\\u00e9\"}},"
                + "\"timeNano\":1795432266846254036}";
        String expected = "{\"type\":\"container_event\",\"envId\":7,\"event\":" + event + "}\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), new Outbound.ContainerEvent(7, raw(event)).encode());
    }

    @Test
    void diskBodiesPassThroughWithoutTheEnginesTrailingNewline() throws Exception {
        String df = "{\"LayersSize\":1982319,\"Images\":[{\"Id\":\"sha256:f4\",\"Size\":1982319}],\"Volumes\":null}";
        String info = "{\"NCPU\":2,\"DriverStatus\":[[\"Backing Filesystem\",\"extfs\"]]}";
        Outbound m = new Outbound.DiskUsage(2, raw(df + "\n"), raw(info + "\n"));
        assertEquals("{\"type\":\"disk_usage\",\"envId\":2,\"data\":" + df + ",\"info\":" + info + "}\n", line(m));
        assertEquals("{\"type\":\"disk_usage\",\"envId\":2,\"data\":" + df + "}\n", line(new Outbound.DiskUsage(2, raw(df), null)));
    }

    @Test
    void lineBreaksInsideARawBodyAreDroppedSoTheLineStaysOneLine() throws Exception {
        assertEquals("{\"type\":\"disk_usage\",\"envId\":2,\"data\":{  \"a\": [1,  2]}}\n",
                line(new Outbound.DiskUsage(2, raw("{\r\n  \"a\": [1,\n  2]\n}\n"), null)));
    }

    @Test
    void invalidRawBodiesAreRefused() {
        assertThrows(RawJson.InvalidJsonException.class, () -> raw("{\"a\":"));
        assertThrows(RawJson.InvalidJsonException.class, () -> raw("{} {}"));
        assertThrows(RawJson.InvalidJsonException.class, () -> raw(""));
    }
}
