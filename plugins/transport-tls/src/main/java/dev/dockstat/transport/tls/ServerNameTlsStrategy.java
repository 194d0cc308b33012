package dev.dockstat.transport.tls;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Upgrades a connected socket to TLS, checking the server certificate against a fixed name: the
 * configured {@code serverName}, else the endpoint's host, even when that is an IP address (then an
 * IP subjectAltName must match, as Go's crypto/tls demands). The JDK does the check
 * (endpoint identification "HTTPS"); HttpClient's own verifier is not involved.
 */
final class ServerNameTlsStrategy implements TlsSocketStrategy {

    private final SSLContext context;
    private final String serverName;
    private final boolean verify;

    ServerNameTlsStrategy(SSLContext context, String serverName, boolean verify) {
        this.context = context;
        this.serverName = serverName;
        this.verify = verify;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext http) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, serverName, port, true);
        try {
            SSLParameters parameters = ssl.getSSLParameters();
            if (verify) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            sni(serverName).ifPresent(name -> parameters.setServerNames(List.of(name)));
            ssl.setSSLParameters(parameters);
            ssl.startHandshake();
            return ssl;
        } catch (IOException | RuntimeException e) {
            ssl.close();
            throw e;
        }
    }

    /** SNI never carries an address, nor a name SNI's syntax rejects (e.g. with "_"); verification still uses it. */
    static Optional<SNIHostName> sni(String serverName) {
        if (isIpAddress(serverName)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SNIHostName(serverName));
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
    }

    static boolean isIpAddress(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return "ServerNameTlsStrategy[" + serverName + (verify ? "" : ", not verified") + "]";
    }
}
