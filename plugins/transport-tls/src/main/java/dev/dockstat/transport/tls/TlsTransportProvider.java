package dev.dockstat.transport.tls;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.spi.TransportProvider;
import dev.dockstat.core.transport.HttpClientTransport;
import dev.dockstat.core.transport.TcpAddress;
import java.util.List;

/**
 * {@code tcp://} and {@code https://} endpoints that carry TLS settings: JDK TLS under HttpClient.
 * The PEM text is parsed in {@link #create}, so a bad certificate or key is a settings error
 * before any connection is tried.
 */
public final class TlsTransportProvider implements TransportProvider {

    /** Docker's port for TLS, used when the address names none. */
    static final int DOCKER_TLS_PORT = 2376;

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public List<String> schemes() {
        return List.of("tcp", "https");
    }

    @Override
    public String refusal(Endpoint endpoint) {
        if (!schemes().contains(endpoint.scheme())) {
            return "serves tcp:// and https:// only";
        }
        return endpoint.tls().isEmpty() ? "no TLS settings given" : null;
    }

    @Override
    public List<String> warnings(Endpoint endpoint) {
        if (endpoint.tls().map(TlsMaterial::skipVerify).orElse(false)) {
            return List.of("TLS verification is off for " + endpoint.display()
                    + " (skipVerify): the engine's certificate is not checked, anyone in between can read and change the traffic");
        }
        return List.of();
    }

    @Override
    public Transport create(Endpoint endpoint) throws TransportConfigException {
        TlsMaterial tls = endpoint.tls().orElseThrow(() -> new TransportConfigException("no TLS settings for " + endpoint.display()));
        int defaultPort = "https".equals(endpoint.scheme()) ? 443 : DOCKER_TLS_PORT;
        TcpAddress address = TcpAddress.of(endpoint, defaultPort);
        String serverName = tls.serverName().filter(name -> !name.isBlank()).orElse(address.host());
        var strategy = new ServerNameTlsStrategy(TlsContexts.of(tls), serverName, !tls.skipVerify());
        var connector = new HttpClientTransport.Connector(address.httpHost("https"), null, null, strategy, true);
        return new TlsTransport(new HttpClientTransport(connector, endpoint.pools()), new RefusalProbe(address, strategy));
    }
}
