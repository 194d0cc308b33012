package dev.dockstat.core.spi;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an engine is and how to reach it: what a {@link TransportProvider} is asked to connect.
 *
 * @param uri the address as Docker users write it: {@code unix:///var/run/docker.sock},
 *     {@code tcp://127.0.0.1:2376}, or any scheme a plugin serves
 * @param tls TLS settings; present = speak TLS on a {@code tcp} address
 * @param token a token to send as {@code X-Hawser-Token} on every request
 * @param pools connection pool sizes
 */
public record Endpoint(URI uri, Optional<TlsMaterial> tls, Optional<Secret> token, PoolSizes pools) {

    public Endpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(pools, "pools");
    }

    public static Endpoint of(String uri) {
        return new Endpoint(URI.create(uri), Optional.empty(), Optional.empty(), PoolSizes.DEFAULTS);
    }

    public String scheme() {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The same settings for another address (a test points a transport at a fake peer so). */
    public Endpoint withUri(URI other) {
        return new Endpoint(other, tls, token, pools);
    }

    public Endpoint withTls(TlsMaterial material) {
        return new Endpoint(uri, Optional.of(material), token, pools);
    }

    public Endpoint withToken(Secret secret) {
        return new Endpoint(uri, tls, Optional.ofNullable(secret).filter(s -> !s.isEmpty()), pools);
    }

    public Endpoint withPools(PoolSizes sizes) {
        return new Endpoint(uri, tls, token, sizes);
    }

    /** The address without secrets, as it appears in messages: {@code unix:///var/run/docker.sock}. */
    public String display() {
        return uri.toString();
    }

    @Override
    public String toString() {
        return "Endpoint[" + display() + (tls.isPresent() ? ", tls" : "") + (token.isPresent() ? ", token" : "") + "]";
    }
}
