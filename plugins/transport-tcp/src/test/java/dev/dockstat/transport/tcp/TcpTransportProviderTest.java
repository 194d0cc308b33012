package dev.dockstat.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.transport.tck.ServiceFiles;
import org.junit.jupiter.api.Test;

class TcpTransportProviderTest {

    private final TcpTransportProvider provider = new TcpTransportProvider();

    @Test
    void isRegisteredForServiceLoader() {
        ServiceFiles.assertRegistered(provider);
    }

    @Test
    void servesTcpAndHttpWithoutTls() {
        assertNull(provider.refusal(Endpoint.of("tcp://127.0.0.1:2375")));
        assertNull(provider.refusal(Endpoint.of("http://127.0.0.1")));
        assertEquals("serves tcp:// and http:// only", provider.refusal(Endpoint.of("unix:///x.sock")));
        assertEquals("TLS settings are given (the tls plugin serves those)",
                provider.refusal(Endpoint.of("tcp://127.0.0.1:2376").withTls(TlsMaterial.DEFAULT_TRUST)));
    }

    @Test
    void anAddressWithoutHostOrWithAPathIsASettingsError() {
        assertEquals("no host in tcp:///x (expected tcp://HOST:PORT)",
                assertThrows(TransportConfigException.class, () -> provider.create(Endpoint.of("tcp:///x"))).getMessage());
        assertEquals("tcp://h:1/api: a path after HOST:PORT is not supported",
                assertThrows(TransportConfigException.class, () -> provider.create(Endpoint.of("tcp://h:1/api"))).getMessage());
    }
}
