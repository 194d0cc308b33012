package dev.dockstat.transport.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.transport.tck.ServiceFiles;
import org.junit.jupiter.api.Test;

class UnixSocketTransportProviderTest {

    private final UnixSocketTransportProvider provider = new UnixSocketTransportProvider();

    @Test
    void isRegisteredForServiceLoader() {
        ServiceFiles.assertRegistered(provider);
    }

    @Test
    void theSocketPathIsEverythingAfterTheScheme() {
        assertEquals(java.nio.file.Path.of("/var/run/docker.sock"), UnixSocketTransportProvider.socketPath(Endpoint.of("unix:///var/run/docker.sock")));
        assertEquals(java.nio.file.Path.of("/tmp/a b.sock"), UnixSocketTransportProvider.socketPath(Endpoint.of("unix:///tmp/a%20b.sock")));
        // relative, as docker reads it; never the default socket in its place
        assertEquals(java.nio.file.Path.of("dst-nowhere.sock"), UnixSocketTransportProvider.socketPath(Endpoint.of("unix://dst-nowhere.sock")));
        assertEquals(java.nio.file.Path.of("run/docker.sock"), UnixSocketTransportProvider.socketPath(Endpoint.of("unix://run/docker.sock")));
    }

    @Test
    void servesUnixSocketsWithoutTls() {
        assertNull(provider.refusal(Endpoint.of("unix:///var/run/docker.sock")));
        assertEquals("serves unix:// only", provider.refusal(Endpoint.of("tcp://127.0.0.1:2375")));
        assertEquals("TLS does not apply to a unix socket",
                provider.refusal(Endpoint.of("unix:///var/run/docker.sock").withTls(TlsMaterial.DEFAULT_TRUST)));
    }
}
