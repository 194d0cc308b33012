package dev.dockstat.transport.unix;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.spi.TransportProvider;
import dev.dockstat.core.transport.HttpClientTransport;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** {@code unix:///path/to/docker.sock}: HTTP over a unix socket (the JDK's own, see {@link UnixChannelSocket}). */
public final class UnixSocketTransportProvider implements TransportProvider {

    public static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    @Override
    public String name() {
        return "unix";
    }

    @Override
    public List<String> schemes() {
        return List.of("unix");
    }

    @Override
    public String refusal(Endpoint endpoint) {
        if (!"unix".equals(endpoint.scheme())) {
            return "serves unix:// only";
        }
        return endpoint.tls().isPresent() ? "TLS does not apply to a unix socket" : null;
    }

    @Override
    public Transport create(Endpoint endpoint) throws TransportConfigException {
        Path path;
        try {
            path = socketPath(endpoint);
            UnixDomainSocketAddress.of(path); // a path the kernel cannot take fails here, not per request
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new TransportConfigException("bad socket path " + endpoint.uri().getPath() + ": " + e.getMessage(), e);
        }
        var connector = HttpClientTransport.Connector.local(proxy -> new UnixChannelSocket(path));
        return new HttpClientTransport(connector, endpoint.pools());
    }

    /**
     * Everything after {@code unix://}, as docker reads it: {@code unix:///var/run/docker.sock} is an
     * absolute path, {@code unix://docker.sock} a relative one. (A URI parser takes "docker.sock" there
     * for a host and gives an empty path, which used to fall back to the default socket: a mistyped
     * address then watched the wrong engine without a word.)
     */
    static Path socketPath(Endpoint endpoint) {
        String rest = endpoint.uri().getSchemeSpecificPart();
        String path = rest.startsWith("//") ? rest.substring(2) : rest;
        return Path.of(path.isEmpty() ? DEFAULT_SOCKET : path);
    }
}
