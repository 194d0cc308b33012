package dev.dockstat.transport.tls;

import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.transport.ForwardingTransport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * The HttpClient transport with TLS, plus one thing: when the engine drops a connection, it asks
 * {@link RefusalProbe} whether the engine refuses our TLS identity, so the user reads "the engine
 * refused the client certificate" instead of "broken pipe".
 */
final class TlsTransport extends ForwardingTransport {

    private final RefusalProbe probe;

    TlsTransport(Transport inner, RefusalProbe probe) {
        super(inner);
        this.probe = probe;
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        try {
            return inner.execute(request);
        } catch (IOException e) {
            if (!droppedByTheEngine(e)) {
                throw e;
            }
            Optional<SSLException> verdict = probe.verdict();
            if (verdict.isEmpty()) {
                throw e;
            }
            SSLException refusal = new SSLException(verdict.get().getMessage(), verdict.get());
            refusal.addSuppressed(e);
            throw refusal;
        }
    }

    /** A connection that was made and then cut, as opposed to refused, timed out or failed in TLS. */
    private static boolean droppedByTheEngine(IOException e) {
        return e instanceof SocketException && !(e instanceof ConnectException)
                || e instanceof NoHttpResponseException
                || e instanceof ConnectionClosedException;
    }

    @Override
    public String toString() {
        return "TlsTransport[" + inner + "]";
    }
}
