package dev.dockstat.core.transport;

import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** Adds one header to every request of any transport, streams included (e.g. an auth token). */
public final class HeaderTransport extends ForwardingTransport {

    private final String name;
    private final Supplier<String> value;

    /** {@code value} is asked on every request, so a secret is not copied into more objects than needed. */
    public HeaderTransport(Transport inner, String name, Supplier<String> value) {
        super(inner);
        this.name = name;
        this.value = value;
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        return inner.execute(request.withHeader(name, value.get()));
    }

    @Override
    public String toString() {
        return "HeaderTransport[" + name + " on " + inner + "]";
    }
}
