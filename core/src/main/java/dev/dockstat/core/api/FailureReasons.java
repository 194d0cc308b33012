package dev.dockstat.core.api;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns the exceptions of sockets and TLS into the short reasons users read: the one place that
 * knows how the JDK words their failures.
 */
public final class FailureReasons {

    private FailureReasons() {}

    /** A short lower-case reason for an I/O failure, never a stack trace or a secret. */
    public static String of(Throwable failure) {
        String tls = tlsReason(failure);
        if (tls != null) {
            return tls;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String reason = plainReason(t);
            if (reason != null) {
                return reason;
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : firstLine(message);
    }

    private static String plainReason(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (t instanceof SocketTimeoutException) {
            return message.startsWith("no answer") ? message : "no answer in time (" + firstLine(message) + ")";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (lower.contains("no such file") || t instanceof FileNotFoundException) {
            return "socket not found (is the engine running?)";
        }
        if (lower.contains("permission denied")) {
            return "permission denied on the socket (are you in the docker group?)";
        }
        if (lower.contains("connection refused") || t instanceof ConnectException) {
            return "connection refused";
        }
        if (lower.contains("connection reset") || lower.contains("broken pipe")) {
            return "connection reset by the engine";
        }
        if (lower.contains("closed") && lower.contains("connection") || t instanceof org.apache.hc.core5.http.NoHttpResponseException) {
            return "connection closed by the engine without an answer";
        }
        return null;
    }

    private static String tlsReason(Throwable failure) {
        boolean tls = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "TLS: server certificate expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "TLS: server certificate not yet valid";
            }
            if (t instanceof CertPathValidatorException || t.getClass().getName().endsWith("SunCertPathBuilderException")) {
                return "TLS: server certificate not trusted";
            }
            if (t instanceof SSLPeerUnverifiedException) {
                return "TLS: server certificate does not match the host (" + firstLine(String.valueOf(t.getMessage())) + ")";
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof SSLException) {
                tls = true;
                if (message.contains("bad_certificate") || message.contains("certificate_required")
                        || message.contains("unknown_ca") || message.contains("certificate_unknown")) {
                    return "TLS: the engine refused the client certificate (missing, or not signed by its CA)";
                }
                if (message.contains("no subject alternative") || message.contains("doesn't match")) {
                    return "TLS: server certificate does not match the host";
                }
                if (message.contains("unsupported or unrecognized ssl message") || message.contains("plaintext")) {
                    return "TLS: the endpoint does not speak TLS";
                }
            }
            if (t instanceof SocketTimeoutException && tls) {
                return "TLS: handshake not completed in time";
            }
        }
        if (tls) {
            String detail = failure instanceof SSLHandshakeException ? failure.getMessage() : deepestMessage(failure);
            return "TLS: " + firstLine(String.valueOf(detail));
        }
        return null;
    }

    private static String deepestMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
