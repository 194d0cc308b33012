package dev.dockstat.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EngineUnreachableException;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TLS settings beyond the contract's PKCS#1 + IP SAN case, against dockerd's mTLS listener and nginx's expired certificate. */
class TlsOptionsIT {

    private final TestBed bed = TestBed.get();
    private final List<String> warnings = new ArrayList<>();
    private final TransportRegistry registry = TransportRegistry.load().onWarning(warnings::add);

    private TlsMaterial tls(String ca, String cert, String key, boolean skipVerify, String serverName) {
        return new TlsMaterial(Optional.ofNullable(ca), Optional.ofNullable(cert).map(bed::pem),
                Optional.ofNullable(key).map(k -> Secret.of(bed.pem(k), k)), skipVerify, Optional.ofNullable(serverName));
    }

    private String ping(String uri, TlsMaterial tls) throws Exception {
        Endpoint endpoint = Endpoint.of(uri).withTls(tls);
        try (DockerClient client = new DockerClient(endpoint, registry.open(endpoint))) {
            return client.ping(DockerClient.PING_TIMEOUT).toString();
        }
    }

    @Test
    void pkcs8AndEcClientKeysAreAccepted() throws Exception {
        assertEquals("1.41", ping(bed.tlsUri(), tls(bed.pem("ca.pem"), "client-cert.pem", "client-key-pkcs8.pem", false, null)));
        assertEquals("1.41", ping(bed.tlsUri(), tls(bed.pem("ca.pem"), "ec-cert.pem", "ec-key.pem", false, null)));
    }

    @Test
    void aBundleOfSeveralCasIsTrusted() throws Exception {
        String bundle = bed.pem("other-ca.pem") + bed.pem("ca.pem");
        assertEquals("1.41", ping(bed.tlsUri(), tls(bundle, "client-cert.pem", "client-key.pem", false, null)));
    }

    @Test
    void serverNameIsWhatTheCertificateMustMatch() throws Exception {
        assertEquals("1.41", ping(bed.tlsUri(), tls(bed.pem("ca.pem"), "client-cert.pem", "client-key.pem", false, "localhost")));
        var e = assertThrows(EngineUnreachableException.class,
                () -> ping(bed.tlsUri(), tls(bed.pem("ca.pem"), "client-cert.pem", "client-key.pem", false, "engine.example")));
        assertEquals("TLS: server certificate does not match the host (No subject alternative DNS name matching engine.example found.)", e.reason());
    }

    @Test
    void skipVerifyAcceptsAnExpiredCertificateAndWarnsOnce() throws Exception {
        TlsMaterial skip = tls(null, null, null, true, null);
        assertEquals("1.41", ping(bed.expiredTlsUri(), skip));
        assertEquals("1.41", ping(bed.expiredTlsUri(), skip));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void withoutCaTheJvmTrustStoreDoesNotKnowTheTestCa() {
        var e = assertThrows(EngineUnreachableException.class,
                () -> ping(bed.tlsUri(), tls(null, "client-cert.pem", "client-key.pem", false, null)));
        assertEquals("TLS: server certificate not trusted", e.reason());
    }
}
