package dev.dockstat.transport.tcp;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.spi.TransportProvider;
import dev.dockstat.core.transport.HttpClientTransport;
import dev.dockstat.core.transport.TcpAddress;
import java.util.List;

/** {@code tcp://host:port} and {@code http://host:port} without TLS: plain sockets under HttpClient. */
public final class TcpTransportProvider implements TransportProvider {

    /** Docker's port for unencrypted TCP, used when the address names none. */
    static final int DOCKER_PLAIN_PORT = 2375;

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public List<String> schemes() {
        return List.of("tcp", "http");
    }

    @Override
    public String refusal(Endpoint endpoint) {
        if (!schemes().contains(endpoint.scheme())) {
            return "serves tcp:// and http:// only";
        }
        return endpoint.tls().isPresent() ? "TLS settings are given (the tls plugin serves those)" : null;
    }

    @Override
    public Transport create(Endpoint endpoint) throws TransportConfigException {
        int defaultPort = "http".equals(endpoint.scheme()) ? 80 : DOCKER_PLAIN_PORT;
        TcpAddress address = TcpAddress.of(endpoint, defaultPort);
        var connector = new HttpClientTransport.Connector(address.httpHost("http"), null, null, null, true);
        return new HttpClientTransport(connector, endpoint.pools());
    }
}
