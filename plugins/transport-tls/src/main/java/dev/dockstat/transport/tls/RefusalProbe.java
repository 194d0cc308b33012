package dev.dockstat.transport.tls;

import dev.dockstat.core.transport.TcpAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Finds out why a TLS 1.3 engine dropped a connection. In TLS 1.3 the client's handshake is over
 * before the server has checked the client certificate; a server that refuses it sends an alert
 * and closes, and the client learns of it only as a broken pipe when it writes its request (the
 * alert sits unread). This makes a fresh connection, writes nothing, and reads: the engine's alert
 * (e.g. {@code bad_certificate}) is then the answer. Used only after a failure, never on the way to
 * a working engine.
 */
final class RefusalProbe {

    private static final int CONNECT_MILLIS = 2_000;
    /** An engine that accepts us sends session tickets, then nothing: the read then ends here. */
    private static final int VERDICT_MILLIS = 2_000;

    private final TcpAddress address;
    private final ServerNameTlsStrategy tls;

    RefusalProbe(TcpAddress address, ServerNameTlsStrategy tls) {
        this.address = address;
        this.tls = tls;
    }

    /** The engine's TLS alert, or empty when it did not refuse this handshake. */
    Optional<SSLException> verdict() {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_MILLIS);
            plain.setSoTimeout(CONNECT_MILLIS);
            try (SSLSocket ssl = tls.upgrade(plain, address.host(), address.port(), null, null)) {
                ssl.setSoTimeout(VERDICT_MILLIS);
                ssl.getInputStream().read();
                return Optional.empty();
            }
        } catch (SSLException refused) {
            return Optional.of(refused);
        } catch (IOException inconclusive) {
            return Optional.empty();
        } finally {
            try {
                plain.close();
            } catch (IOException ignored) {
                // already closed with the TLS socket
            }
        }
    }
}
