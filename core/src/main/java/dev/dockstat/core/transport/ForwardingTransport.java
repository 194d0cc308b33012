package dev.dockstat.core.transport;

import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.IOException;

/**
 * A transport that wraps another and changes one thing about its requests (a header, how a failure
 * is told): everything it does not override goes to the wrapped transport, idle connections and
 * closing included, so a wrapper cannot forget to pass them on.
 */
public abstract class ForwardingTransport implements Transport {

    protected final Transport inner;

    protected ForwardingTransport(Transport inner) {
        this.inner = inner;
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        return inner.execute(request);
    }

    @Override
    public void closeIdle(TransportRequest.Pool pool) {
        inner.closeIdle(pool);
    }

    @Override
    public void close() {
        inner.close();
    }
}
