package dev.dockstat.transport.token;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportDecorator;
import dev.dockstat.core.transport.HeaderTransport;

/**
 * A Hawser agent demands {@code X-Hawser-Token} on every request, the event stream included, and
 * answers 401 otherwise. This wraps whatever transport reaches the agent (plain TCP or TLS).
 */
public final class HawserTokenDecorator implements TransportDecorator {

    static final String HEADER = "X-Hawser-Token";

    @Override
    public String name() {
        return "hawser-token";
    }

    @Override
    public boolean appliesTo(Endpoint endpoint) {
        return endpoint.token().isPresent();
    }

    @Override
    public Transport decorate(Transport inner, Endpoint endpoint) {
        Secret token = endpoint.token().orElseThrow();
        return new HeaderTransport(inner, HEADER, token::reveal);
    }
}
