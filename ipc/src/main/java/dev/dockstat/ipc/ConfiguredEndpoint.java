package dev.dockstat.ipc;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.PoolSizes;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.spi.TransportConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The {@link Endpoint} a {@code configure} describes: {@code socket} is {@code unix://socketPath},
 * {@code http} is {@code tcp://host:port}, {@code https} is {@code tcp://host:port} with TLS from
 * the PEM texts and the configured host as the verification name (even an IP address, as the Go
 * worker sets {@code ServerName}); a {@code hawserToken} goes on every request. The transport
 * plugins judge the rest (an unreadable PEM, a scheme nobody serves) when the transport is built.
 */
final class ConfiguredEndpoint {

    static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    private ConfiguredEndpoint() {}

    static Endpoint of(Inbound.Configure configure) throws TransportConfigException {
        EnvConfig c = configure.config();
        String type = c.type() == null ? "" : c.type();
        Endpoint endpoint = switch (type) {
            case "socket" -> new Endpoint(socketUri(c.socketPath()), Optional.empty(), Optional.empty(), PoolSizes.DEFAULTS);
            case "http" -> new Endpoint(tcpUri(c), Optional.empty(), Optional.empty(), PoolSizes.DEFAULTS);
            case "https" -> new Endpoint(tcpUri(c), Optional.empty(), Optional.empty(), PoolSizes.DEFAULTS).withTls(tls(c));
            default -> throw new TransportConfigException("unsupported connection type: " + type);
        };
        return configure.hawserToken() == null ? endpoint : endpoint.withToken(configure.hawserToken());
    }

    private static URI socketUri(String path) throws TransportConfigException {
        String p = path == null || path.isEmpty() ? DEFAULT_SOCKET : path;
        if (!p.startsWith("/")) {
            throw new TransportConfigException("socketPath must be absolute: " + p);
        }
        try {
            return new URI("unix", "", p, null);
        } catch (URISyntaxException e) {
            throw new TransportConfigException("bad socketPath " + p + ": " + e.getReason());
        }
    }

    private static URI tcpUri(EnvConfig c) throws TransportConfigException {
        if (c.host() == null || c.host().isBlank()) {
            throw new TransportConfigException(c.type() + " needs a host");
        }
        if (c.port() < 1 || c.port() > 65535) {
            throw new TransportConfigException(c.type() + " needs a port from 1 to 65535, got " + c.port());
        }
        try {
            return new URI("tcp", null, c.host(), (int) c.port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new TransportConfigException("bad host " + c.host() + ": " + e.getReason());
        }
    }

    /** As the Go worker: a client certificate only when both cert and key are given. */
    private static TlsMaterial tls(EnvConfig c) {
        boolean client = nonEmpty(c.cert()).isPresent() && c.key() != null;
        return new TlsMaterial(nonEmpty(c.ca()), client ? nonEmpty(c.cert()) : Optional.empty(),
                client ? Optional.of(c.key()) : Optional.empty(), c.skipVerify(), Optional.of(c.host()));
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
