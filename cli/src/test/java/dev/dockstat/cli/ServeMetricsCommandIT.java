package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.HttpsProbe;
import dev.dockstat.testbed.TestBed;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code dockstat serve-metrics} protected by the environments file's {@code metrics:}
 * section alone (no flags): HTTPS with the test bed's server certificate, basic auth with the
 * password from a variable, which never shows in its output.
 */
class ServeMetricsCommandIT {

    private static final Pattern SERVING = Pattern.compile("serving metrics on (https?)://127\\.0\\.0\\.1:(\\d+)/metrics");

    @Test
    void theEnvironmentsFileProtectsTheEndpoint(@TempDir Path dir) throws Exception {
        TestBed bed = TestBed.get();
        Path config = dir.resolve("environments.yaml");
        Files.writeString(config, """
                environments:
                  local: {host: %s}
                metrics:
                  basicAuth: {user: prom, password: {env: DST_METRICS_PW}}
                  tls: {cert: %s, key: {file: %s}}
                """.formatted(bed.socketUri(), bed.pki().resolve("server-cert.pem"), bed.pki().resolve("server-key.pem")));
        try (Launched server = Launched.start(Map.of("DST_METRICS_PW", "pw-dst-cli"),
                "serve-metrics", "--config", config.toString(), "--env", "local", "--listen", "127.0.0.1:0")) {
            server.awaitStderr("the address", Duration.ofSeconds(20), err -> SERVING.matcher(err).find());
            Matcher m = SERVING.matcher(server.stderr());
            assertTrue(m.find());
            assertEquals("https", m.group(1), server.stderr());
            URI uri = URI.create("https://127.0.0.1:" + m.group(2) + "/metrics");
            HttpsProbe client = new HttpsProbe(bed.pem("ca.pem"));
            assertEquals(401, client.get(uri, null).statusCode());
            assertEquals(401, client.get(uri, "prom:wrong").statusCode());
            HttpResponse<String> ok = client.get(uri, "prom:pw-dst-cli");
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("dockstat_engine_up{environment=\"local\"}"), ok.body());
            assertFalse(server.stderr().contains("pw-dst-cli") || ok.body().contains("pw-dst-cli"));
        }
    }
}
