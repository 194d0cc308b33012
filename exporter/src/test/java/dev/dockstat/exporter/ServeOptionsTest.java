package dev.dockstat.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockstat.core.env.MetricsEndpointSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** serve-metrics' options resolved, and each mistake named the way the user typed it. */
class ServeOptionsTest {

    private static ServeOptions options(String listen, Duration interval, String user, Path passwordFile, Path cert, Path key) {
        return new ServeOptions(listen, interval, 8, user, passwordFile, cert, key);
    }

    private static String mistake(ServeOptions options, Map<String, String> env) {
        return assertThrows(ServeOptions.Mistake.class, () -> options.resolve(() -> MetricsEndpointSettings.NONE, env)).getMessage();
    }

    @Test
    void listenAddressesAsTyped() throws Exception {
        MetricsExporter.Settings s = options(":9323", Duration.ofSeconds(5), null, null, null, null)
                .resolve(() -> MetricsEndpointSettings.NONE, Map.of());
        assertEquals("127.0.0.1", s.host());
        assertEquals(9323, s.port());
        assertNull(s.authenticator());
        assertNull(s.https());
        assertEquals("::1", options("[::1]:0", Duration.ofSeconds(1), null, null, null, null)
                .resolve(() -> MetricsEndpointSettings.NONE, Map.of()).host());
    }

    @Test
    void mistakesNameTheirOption() {
        Duration ok = Duration.ofSeconds(5);
        assertEquals("--listen: expected HOST:PORT, got '9323'", mistake(options("9323", ok, null, null, null, null), Map.of()));
        assertEquals("--listen: bad port in '127.0.0.1:70000'", mistake(options("127.0.0.1:70000", ok, null, null, null, null), Map.of()));
        assertEquals("--interval must be positive", mistake(options(":0", Duration.ZERO, null, null, null, null), Map.of()));
        assertEquals("--tls-cert and --tls-key go together", mistake(options(":0", ok, null, null, Path.of("c.pem"), null), Map.of()));
        assertEquals("--basic-auth-password-file needs --basic-auth-user",
                mistake(options(":0", ok, null, Path.of("pw"), null, null), Map.of()));
        assertEquals("--basic-auth-user needs a password: set DOCKSTAT_METRICS_PASSWORD or give --basic-auth-password-file",
                mistake(options(":0", ok, "prometheus", null, null, null), Map.of()));
    }

    @Test
    void thePasswordComesFromTheEnvironment() throws Exception {
        MetricsExporter.Settings s = options(":0", Duration.ofSeconds(5), "prometheus", null, null, null)
                .resolve(() -> MetricsEndpointSettings.NONE, Map.of("DOCKSTAT_METRICS_PASSWORD", "s3cret"));
        assertEquals(true, s.authenticator() != null);
    }
}
