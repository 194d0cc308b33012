package dev.dockstat.transport.tls;

import dev.dockstat.core.tls.Der;
import dev.dockstat.core.tls.PemPrivateKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The PKCS#1 and SEC1 rewraps keep every key as it was, for keys the JDK itself generates. */
class PemPrivateKeysProperties {

    @Property(tries = 12)
    void pkcs1RewrapIsByteForByteTheJdksPkcs8(@ForAll @IntRange(min = 0, max = 2) int sizeIndex) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(List.of(1024, 2048, 3072).get(sizeIndex));
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        byte[] pkcs1 = innerKey(pkcs8);
        PrivateKey read = PemPrivateKeys.read(pem("RSA PRIVATE KEY", pkcs1), "client key");
        assertArrayEquals(pkcs8, read.getEncoded());
    }

    @Property(tries = 12)
    void sec1RewrapKeepsTheKey(@ForAll @IntRange(min = 0, max = 2) int curveIndex) throws Exception {
        String curve = List.of("secp256r1", "secp384r1", "secp521r1").get(curveIndex);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        ECPrivateKey original = (ECPrivateKey) generator.generateKeyPair().getPrivate();
        byte[] sec1 = withCurve(innerKey(original.getEncoded()), curveOid(original.getEncoded()));
        ECPrivateKey read = (ECPrivateKey) PemPrivateKeys.read(pem("EC PRIVATE KEY", sec1), "client key");
        assertEquals(original.getS(), read.getS());
        assertEquals(original.getParams().getCurve(), read.getParams().getCurve());
    }

    /** The OCTET STRING of a PKCS#8 PrivateKeyInfo: the algorithm's own key structure. */
    private static byte[] innerKey(byte[] pkcs8) throws Exception {
        Der.Element octets = Der.parse(pkcs8).children().get(2);
        return Arrays.copyOfRange(octets.bytes(), octets.content(), octets.end());
    }

    private static byte[] curveOid(byte[] pkcs8) throws Exception {
        return Der.parse(pkcs8).children().get(1).children().get(1).encoded();
    }

    /** SEC1 as openssl writes it: the JDK's inner key plus the [0] curve parameters. */
    private static byte[] withCurve(byte[] sec1, byte[] curveOid) throws Exception {
        List<Der.Element> fields = Der.parse(sec1).children();
        return Der.element(Der.SEQUENCE, fields.get(0).encoded(), fields.get(1).encoded(), Der.element(Der.CONTEXT_0, curveOid));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
