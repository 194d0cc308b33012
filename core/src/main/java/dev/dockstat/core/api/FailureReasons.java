package dev.dockstat.core.api;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Turns the exceptions of sockets and TLS into the short reasons users read: the one place that
 * knows how the JDK words their failures.
 */
public final class FailureReasons {

    private FailureReasons() {}

    /** A short lower-case reason for an I/O failure, never a stack trace or a secret. */
    public static String of(Throwable failure) {
        if (failure instanceof SocketTimeoutException && String.valueOf(failure.getMessage()).startsWith("no answer")) {
            return failure.getMessage(); // a request deadline, worded by the transport; the cause is how it was cut
        }
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
        return message == null || message.isBlank() ? "connection failed without a reason given" : firstLine(message);
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
        if (t instanceof ClosedChannelException || lower.equals("socket closed") || lower.equals("socket is closed")) {
            return "connection closed"; // by this side: an asynchronous close of a channel, or of a socket
        }
        if (lower.contains("connection reset") || lower.contains("broken pipe")) {
            return "connection reset by the engine";
        }
        if (lower.contains("closed") && lower.contains("connection") || t instanceof NoHttpResponseException) {
            return "connection closed by the engine without an answer";
        }
        return null;
    }

    /**
     * TLS failures, most specific first. The JDK words them so (JDK 21-25): a local verdict is an
     * SSLHandshakeException "(certificate_unknown) PKIX path building failed ..." whose causes say
     * why (SunCertPathBuilderException = no trusted path; CertificateExpiredException under a
     * CertPathValidatorException = expired; a CertificateException "No subject alternative ..." =
     * wrong name); the engine's verdict is "Received fatal alert: bad_certificate" (or
     * certificate_required, unknown_ca, ...). The alert name in parentheses that JDK 25 puts first is
     * the alert the JDK sends, not one it received, so it says nothing about who refused.
     */
    private static String tlsReason(Throwable failure) {
        boolean tls = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            tls |= t instanceof SSLException;
            if (t instanceof CertificateExpiredException) {
                return "TLS: server certificate expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "TLS: server certificate not yet valid";
            }
        }
        if (!tls) {
            return null;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            if (t instanceof CertPathValidatorException || t.getClass().getName().endsWith("SunCertPathBuilderException")) {
                return "TLS: server certificate not trusted";
            }
            if (t instanceof CertificateException && lower.contains("no subject alternative") || t instanceof SSLPeerUnverifiedException) {
                return "TLS: server certificate does not match the host (" + firstLine(message) + ")";
            }
            if (lower.contains("received fatal alert")) {
                return receivedAlert(lower, message);
            }
            if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext")) {
                return "TLS: the endpoint does not speak TLS";
            }
            if (t instanceof SocketTimeoutException) {
                return "TLS: handshake not completed in time";
            }
        }
        String detail = failure instanceof SSLHandshakeException ? failure.getMessage() : deepestMessage(failure);
        return "TLS: " + withoutAlertPrefix(firstLine(String.valueOf(detail)));
    }

    private static String receivedAlert(String lower, String message) {
        for (String refusal : List.of("bad_certificate", "certificate_required", "unknown_ca", "certificate_unknown",
                "certificate_revoked", "certificate_expired", "unsupported_certificate", "access_denied")) {
            if (lower.contains(refusal)) {
                return "TLS: the engine refused the client certificate (missing, or not signed by its CA; alert " + refusal + ")";
            }
        }
        if (lower.contains("handshake_failure") || lower.contains("protocol_version") || lower.contains("insufficient_security")) {
            return "TLS: the engine found no TLS version or cipher in common (" + withoutAlertPrefix(firstLine(message)) + ")";
        }
        return "TLS: " + withoutAlertPrefix(firstLine(message));
    }

    /** JDK 25 starts TLS messages with the alert it sends, e.g. "(certificate_unknown) ...". */
    private static String withoutAlertPrefix(String message) {
        return message.startsWith("(") && message.indexOf(") ") > 0 ? message.substring(message.indexOf(") ") + 2) : message;
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
