package dev.dockstat.core.spi;

/**
 * Wraps a transport to add behaviour on every request of an endpoint, whatever carries it (the
 * Hawser token header is one). Found with {@link java.util.ServiceLoader} like providers:
 * {@code META-INF/services/dev.dockstat.core.spi.TransportDecorator}.
 */
public interface TransportDecorator {

    /** Short name shown in messages, e.g. {@code hawser-token}. */
    String name();

    /** Whether this decorator must wrap transports of this endpoint. */
    boolean appliesTo(Endpoint endpoint);

    /** Wraps {@code inner}; closing the result closes {@code inner}. */
    Transport decorate(Transport inner, Endpoint endpoint);
}
