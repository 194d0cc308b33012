package dev.dockstat.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.testbed.TestBed;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(bed.pem("ca.pem"))).build();
            URI uri = URI.create("https://127.0.0.1:" + exporter.port() + "/metrics");
            assertEquals(401, get(client, uri, null).statusCode());
            assertEquals(401, get(client, uri, "prom:wrong").statusCode());
            HttpResponse<String> ok = get(client, uri, "prom:pw-dst");
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

    static HttpResponse<String> get(HttpClient client, URI uri, String credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static SSLContext trusting(String caPem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
