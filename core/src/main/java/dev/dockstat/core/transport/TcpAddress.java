package dev.dockstat.core.transport;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TransportConfigException;
import java.net.URI;
import org.apache.hc.core5.http.HttpHost;

/**
 * The host and port of a TCP endpoint ({@code tcp://}, {@code http://}, {@code https://}), read the
 * same way by every plugin that opens TCP connections.
 *
 * @param host a name or an IP address (an IPv6 address without brackets)
 * @param port the port given, else the plugin's default
 */
public record TcpAddress(String host, int port) {

    /**
     * @param defaultPort used when the address has none (docker: 2375 plain, 2376 with TLS)
     * @throws TransportConfigException when the address has no host, or a path dockstat cannot send
     */
    public static TcpAddress of(Endpoint endpoint, int defaultPort) throws TransportConfigException {
        URI uri = endpoint.uri();
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new TransportConfigException("no host in " + endpoint.display() + " (expected tcp://HOST:PORT)");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            throw new TransportConfigException(endpoint.display() + ": a path after HOST:PORT is not supported");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new TcpAddress(host, uri.getPort() < 0 ? defaultPort : uri.getPort());
    }

    /** The HttpClient target for this address; {@code https} makes the client run the TLS strategy. */
    public HttpHost httpHost(String scheme) {
        return new HttpHost(scheme, host, port);
    }
}
