package dev.dockstat.core.spi;

import java.util.List;

/**
 * A transport plugin, found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.dockstat.core.spi.TransportProvider}. Implementations need a public
 * no-argument constructor, keep no state, and are thread-safe.
 */
public interface TransportProvider {

    /** Short name shown in messages, e.g. {@code unix}. */
    String name();

    /** The URI schemes this provider can serve, for the "no transport for X" message. */
    List<String> schemes();

    /** Among providers that support an endpoint, the highest priority wins. */
    default int priority() {
        return 0;
    }

    /**
     * Whether this provider serves the endpoint. Returns null when it does, or the reason it does
     * not (e.g. "needs TLS settings"), used when no provider fits.
     */
    String refusal(Endpoint endpoint);

    /**
     * Cautions the user should read once before this endpoint is used, e.g. that certificate
     * verification is turned off. Never contains a secret. The registry passes them to the caller's
     * warning sink once per endpoint address.
     */
    default List<String> warnings(Endpoint endpoint) {
        return List.of();
    }

    /**
     * Builds a transport with the endpoint's pools. Connects lazily: a dead endpoint is reported by
     * the first request, not here. Bad settings (unreadable PEM, a missing socket path) are
     * reported here.
     *
     * @throws TransportConfigException when the settings cannot work
     */
    Transport create(Endpoint endpoint) throws TransportConfigException;
}
