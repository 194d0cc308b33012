package dev.dockstat.transport.tls;

import dev.dockstat.core.tls.PemPrivateKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockstat.core.spi.TransportConfigException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemPrivateKeysTest {

    private static final String EXPECTED = "client key: not a PEM private key (expected PKCS#1, PKCS#8 or EC)";

    @Test
    void pkcs1IsTheSameKeyAsItsPkcs8Form() throws Exception {
        PrivateKey pkcs1 = PemPrivateKeys.read(Fixtures.pem("rsa-key-pkcs1.pem"), "client key");
        PrivateKey pkcs8 = PemPrivateKeys.read(Fixtures.pem("rsa-key-pkcs8.pem"), "client key");
        assertEquals("RSA", pkcs1.getAlgorithm());
        assertArrayEquals(pkcs8.getEncoded(), pkcs1.getEncoded());
    }

    @Test
    void sec1EcKeyAfterItsParametersBlock() throws Exception {
        PrivateKey key = PemPrivateKeys.read(Fixtures.pem("ec-key-sec1.pem"), "client key");
        assertEquals("EC", key.getAlgorithm());
        assertEquals(256, ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "-----BEGIN PRIVATE KEY-----\nnot closed", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"})
    void notAKeyAtAll(String text) {
        assertEquals(EXPECTED, assertThrows(TransportConfigException.class, () -> PemPrivateKeys.read(text, "client key")).getMessage());
    }

    @Test
    void aCertificateIsNotAKey() {
        assertEquals(EXPECTED, assertThrows(TransportConfigException.class,
                () -> PemPrivateKeys.read(Fixtures.pem("rsa-cert.pem"), "client key")).getMessage());
    }

    @Test
    void encryptedKeysAreRefusedByName() {
        for (String file : new String[] {"encrypted-pkcs1.pem", "encrypted-key.pem"}) {
            assertEquals("client key: encrypted keys are not supported (decrypt it with openssl first)",
                    assertThrows(TransportConfigException.class, () -> PemPrivateKeys.read(Fixtures.pem(file), "client key")).getMessage());
        }
    }

    @Test
    void aDamagedKeySaysWhichBlockAndNeverQuotesIt() {
        String pem = Fixtures.pem("rsa-key-pkcs1.pem");
        String[] lines = Fixtures.bodyLines(pem);
        String truncated = pem.replace(lines[lines.length - 1] + "\n", "").replace(lines[lines.length - 2] + "\n", "");
        var e = assertThrows(TransportConfigException.class, () -> PemPrivateKeys.read(truncated, "client key"));
        assertEquals("client key: the RSA PRIVATE KEY block cannot be read (truncated DER)", e.getMessage());
        for (String line : lines) {
            assertFalse(e.getMessage().contains(line.substring(0, 16)));
        }
        String badBase64 = pem.replace(lines[3], "!!!" + lines[3].substring(3));
        assertEquals("client key: a PEM RSA PRIVATE KEY block is not valid base64",
                assertThrows(TransportConfigException.class, () -> PemPrivateKeys.read(badBase64, "client key")).getMessage());
    }
}
