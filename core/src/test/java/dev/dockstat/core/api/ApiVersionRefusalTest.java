package dev.dockstat.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.PoolSizes;
import dev.dockstat.core.transport.HttpClientTransport;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

/** An engine older than API 1.41 is refused at the first ping with a message that says what is needed. */
class ApiVersionRefusalTest {

    @Test
    void api138IsRefusedClearly() throws Exception {
        try (FakeOldEngine engine = new FakeOldEngine("1.38")) {
            Endpoint endpoint = Endpoint.of("tcp://127.0.0.1:" + engine.port());
            var connector = new HttpClientTransport.Connector(new HttpHost("http", "127.0.0.1", engine.port()), null, null, null, true);
            try (DockerClient client = new DockerClient("old", endpoint, new HttpClientTransport(connector, PoolSizes.DEFAULTS))) {
                var e = assertThrows(UnsupportedEngineException.class, () -> client.ping(DockerClient.PING_TIMEOUT));
                assertEquals("the engine at tcp://127.0.0.1:" + engine.port() + " (environment old) speaks API 1.38;"
                        + " dockstat needs 1.41 or newer (Docker Engine 20.10+)", e.getMessage());
            }
        }
    }
}
