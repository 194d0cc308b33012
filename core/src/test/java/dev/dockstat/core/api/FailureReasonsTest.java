package dev.dockstat.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The exception chains below are the ones JDK 25 produced against the test bed (see TlsOptionsIT, CLI ErrorTableIT). */
class FailureReasonsTest {

    /** Stands in for sun.security.provider.certpath.SunCertPathBuilderException, which tests cannot make. */
    static final class SunCertPathBuilderException extends Exception {
        SunCertPathBuilderException() {
            super("unable to find valid certification path to requested target");
        }
    }

    private static <T extends Throwable> T causedBy(T outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }

    @Test
    void untrustedServerIsALocalVerdictDespiteTheCertificateUnknownPrefix() {
        var e = causedBy(new SSLHandshakeException("(certificate_unknown) PKIX path building failed: ..."),
                causedBy(new CertificateException("PKIX path building failed"), new SunCertPathBuilderException()));
        assertEquals("TLS: server certificate not trusted", FailureReasons.of(e));
    }

    @Test
    void expiryWinsOverThePathValidatorThatCarriesIt() {
        var e = causedBy(new SSLHandshakeException("(certificate_expired) PKIX path validation failed"),
                new CertPathValidatorException("validity check failed", new CertificateExpiredException("NotAfter: 2020")));
        assertEquals("TLS: server certificate expired", FailureReasons.of(e));
    }

    @Test
    void aReceivedAlertIsTheEngineRefusingUs() {
        var e = new SSLHandshakeException("(bad_certificate) Received fatal alert: bad_certificate");
        assertEquals("TLS: the engine refused the client certificate (missing, or not signed by its CA; alert bad_certificate)",
                FailureReasons.of(new SSLException(e.getMessage(), e)));
        assertEquals("TLS: the engine refused the client certificate (missing, or not signed by its CA; alert certificate_required)",
                FailureReasons.of(new SSLException("Received fatal alert: certificate_required")));
    }

    @Test
    void aWrongNameSaysWhichName() {
        var e = causedBy(new SSLHandshakeException("(certificate_unknown) No subject alternative DNS name matching x.example found."),
                new CertificateException("No subject alternative DNS name matching x.example found."));
        assertEquals("TLS: server certificate does not match the host (No subject alternative DNS name matching x.example found.)",
                FailureReasons.of(e));
    }

    @Test
    void plainHttpWhereTlsWasExpected() {
        assertEquals("TLS: the endpoint does not speak TLS", FailureReasons.of(new SSLException("Unsupported or unrecognized SSL message")));
    }

    @Test
    void otherTlsFailuresLoseOnlyTheAlertPrefix() {
        assertEquals("TLS: something new", FailureReasons.of(new SSLHandshakeException("(internal_error) something new")));
    }

    @Test
    void aDeadlineKeepsItsOwnWordsEvenWhenTlsWasCut() {
        var e = causedBy(new SocketTimeoutException("no answer within 500ms (GET /_ping)"), new SSLException("Socket closed"));
        assertEquals("no answer within 500ms (GET /_ping)", FailureReasons.of(e));
    }

    @Test
    void socketFailures() {
        assertEquals("connection refused", FailureReasons.of(new ConnectException("Connection refused")));
        assertEquals("connection reset by the engine", FailureReasons.of(new SocketException("Broken pipe")));
        assertEquals("socket not found (is the engine running?)", FailureReasons.of(new SocketException("No such file or directory")));
    }
}
