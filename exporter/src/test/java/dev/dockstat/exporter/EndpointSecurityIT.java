package dev.dockstat.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.testbed.HttpsProbe;
import dev.dockstat.testbed.TestBed;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** serve-metrics behind basic auth and TLS (the test bed's server certificate, IP SAN 127.0.0.1). */
class EndpointSecurityIT {

    @Test
    void onlyTheRightCredentialsOverTlsGetTheMetrics() throws Exception {
        TestBed bed = TestBed.get();
        var settings = new MetricsExporter.Settings("127.0.0.1", 0, Duration.ofSeconds(2), 16,
                EndpointSecurity.basicAuth("prom", Secret.of("pw-dst", "test")),
                EndpointSecurity.tls(bed.pem("server-cert.pem"), Secret.of(bed.pem("server-key.pem"), "test")));
        try (MetricsExporter exporter = MetricsExporter.start(List.of(bed.socketEnvironment()), settings, line -> { })) {
            HttpsProbe client = new HttpsProbe(bed.pem("ca.pem"));
            URI uri = URI.create("https://127.0.0.1:" + exporter.port() + "/metrics");
            assertEquals(401, client.get(uri, null).statusCode());
            assertEquals(401, client.get(uri, "prom:wrong").statusCode());
            HttpResponse<String> ok = client.get(uri, "prom:pw-dst");
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("dockstat_engine_up"), ok.body());
        }
    }

    @Test
    void aKeyThatIsNotPemIsRefusedWithoutQuotingIt() {
        var e = assertThrows(TransportConfigException.class,
                () -> EndpointSecurity.tls(TestBed.get().pem("server-cert.pem"), Secret.of("not-a-key-dst", "test")));
        assertTrue(e.getMessage().contains("--tls-key") && !e.getMessage().contains("not-a-key-dst"), e.getMessage());
    }
}
