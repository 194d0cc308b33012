package dev.dockstat.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.transport.tck.ServiceFiles;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsTransportProviderTest {

    private final TlsTransportProvider provider = new TlsTransportProvider();
    private final Endpoint address = Endpoint.of("tcp://127.0.0.1:2376");

    static TlsMaterial identity(String cert, String key) {
        return new TlsMaterial(Optional.of(Fixtures.pem("ca.pem")), Optional.ofNullable(cert).map(Fixtures::pem),
                Optional.ofNullable(key).map(k -> Secret.of(Fixtures.pem(k), "fixture " + k)), false, Optional.empty());
    }

    private String configError(TlsMaterial tls) {
        return assertThrows(TransportConfigException.class, () -> provider.create(address.withTls(tls))).getMessage();
    }

    @Test
    void isRegisteredForServiceLoader() {
        ServiceFiles.assertRegistered(provider);
    }

    @Test
    void servesTcpAndHttpsOnlyWithTlsSettings() {
        assertNull(provider.refusal(address.withTls(TlsMaterial.DEFAULT_TRUST)));
        assertNull(provider.refusal(Endpoint.of("https://engine.example").withTls(TlsMaterial.DEFAULT_TRUST)));
        assertEquals("no TLS settings given", provider.refusal(address));
        assertEquals("serves tcp:// and https:// only", provider.refusal(Endpoint.of("unix:///s").withTls(TlsMaterial.DEFAULT_TRUST)));
    }

    @Test
    void everyKeyFormWithItsCertificateMakesATransport() throws Exception {
        for (List<String> pair : List.of(List.of("rsa-cert.pem", "rsa-key-pkcs1.pem"), List.of("rsa-cert.pem", "rsa-key-pkcs8.pem"),
                List.of("ec-cert.pem", "ec-key-sec1.pem"))) {
            try (Transport t = provider.create(address.withTls(identity(pair.get(0), pair.get(1))))) {
                assertTrue(t.toString().startsWith("TlsTransport["), t.toString());
            }
        }
    }

    @Test
    void aMismatchedPairIsASettingsErrorThatNamesTheMismatch() {
        assertEquals("client certificate and client key do not match (the certificate holds an RSA key, the key file an EC key)",
                configError(identity("rsa-cert.pem", "ec-key-sec1.pem")));
        assertEquals("client certificate and client key do not match (the key is not the certificate's RSA key)",
                configError(identity("rsa-cert.pem", "other-rsa-key-pkcs1.pem")));
    }

    @Test
    void halfAnIdentityIsASettingsError() {
        assertEquals("a client certificate is given without its key", configError(identity("rsa-cert.pem", null)));
        assertEquals("a client key is given without its certificate", configError(identity(null, "rsa-key-pkcs1.pem")));
    }

    @Test
    void badPemNamesTheInputAndNeverQuotesIt() {
        String key = Fixtures.pem("rsa-key-pkcs1.pem");
        TlsMaterial keyAsCa = new TlsMaterial(Optional.of(key), Optional.empty(), Optional.empty(), false, Optional.empty());
        String message = configError(keyAsCa);
        assertEquals("CA certificates: no PEM certificate found (expected -----BEGIN CERTIFICATE-----)", message);
        TlsMaterial certAsKey = new TlsMaterial(Optional.empty(), Optional.of(Fixtures.pem("rsa-cert.pem")),
                Optional.of(Secret.of(Fixtures.pem("rsa-cert.pem"), "test")), false, Optional.empty());
        assertEquals("client key: not a PEM private key (expected PKCS#1, PKCS#8 or EC)", configError(certAsKey));
        for (String line : Fixtures.bodyLines(key)) {
            assertFalse(message.contains(line));
        }
    }

    @Test
    void skipVerifyIsWarnedAboutAndOtherwiseNothingIs() {
        TlsMaterial skip = new TlsMaterial(Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty());
        assertEquals(List.of("TLS verification is off for tcp://127.0.0.1:2376 (skipVerify): the engine's certificate is not checked,"
                + " anyone in between can read and change the traffic"), provider.warnings(address.withTls(skip)));
        assertEquals(List.of(), provider.warnings(address.withTls(identity("rsa-cert.pem", "rsa-key-pkcs1.pem"))));
    }

    @Test
    void ipAddressesGetNoSni() {
        assertTrue(ServerNameTlsStrategy.isIpAddress("127.0.0.1"));
        assertTrue(ServerNameTlsStrategy.isIpAddress("::1"));
        assertFalse(ServerNameTlsStrategy.isIpAddress("localhost"));
        assertTrue(ServerNameTlsStrategy.sni("127.0.0.1").isEmpty());
        assertTrue(ServerNameTlsStrategy.sni("docker_host").isEmpty(), "not a valid SNI name: verified, not sent");
        assertEquals("engine.example", ServerNameTlsStrategy.sni("engine.example").orElseThrow().getAsciiName());
    }
}
