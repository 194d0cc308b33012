package dev.dockstat.transport.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.UnauthorizedException;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import org.junit.jupiter.api.Test;

/** The token proxy really checks: without the decorator's header, or with a wrong token, it answers 401. */
class TokenRequiredIT {

    private final Endpoint proxy = Endpoint.of("tcp://" + TestBed.get().tokenHostPort());

    @Test
    void noTokenIs401() throws Exception {
        try (DockerClient client = new DockerClient(proxy, TransportRegistry.load().open(proxy))) {
            var e = assertThrows(UnauthorizedException.class, () -> client.ping(DockerClient.PING_TIMEOUT));
            assertEquals("401 from Hawser endpoint " + proxy.display() + ": check the token", e.getMessage());
        }
    }

    @Test
    void aWrongTokenIs401() throws Exception {
        Endpoint wrong = proxy.withToken(Secret.of("not-the-token", "test"));
        try (DockerClient client = new DockerClient(wrong, TransportRegistry.load().open(wrong))) {
            assertThrows(UnauthorizedException.class, () -> client.ping(DockerClient.PING_TIMEOUT));
        }
    }
}
