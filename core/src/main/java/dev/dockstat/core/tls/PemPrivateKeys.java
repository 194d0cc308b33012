package dev.dockstat.core.tls;

import dev.dockstat.core.spi.TransportConfigException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * A private key from PEM text in any of the forms docker users have: PKCS#1 ({@code BEGIN RSA
 * PRIVATE KEY}, what {@code openssl genrsa -traditional} and docker-machine write), PKCS#8
 * ({@code BEGIN PRIVATE KEY}) and SEC1 ({@code BEGIN EC PRIVATE KEY}). The JDK reads only PKCS#8,
 * so the other two are rewrapped first; the key bytes themselves are never changed.
 */
public final class PemPrivateKeys {

    public static final String EXPECTED = "not a PEM private key (expected PKCS#1, PKCS#8 or EC)";

    /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters. */
    private static final byte[] RSA_ALGORITHM = Der.element(Der.SEQUENCE,
            Der.element(Der.OID, bytes(0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01)),
            Der.element(Der.NULL));
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY = Der.element(Der.OID, bytes(0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01));
    private static final byte[] VERSION_0 = Der.element(Der.INTEGER, bytes(0));
    /** The algorithms a PKCS#8 key may hold, tried in this order. */
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private PemPrivateKeys() {}

    /** @param what names the input in messages, e.g. {@code "client key"} */
    public static PrivateKey read(String pem, String what) throws TransportConfigException {
        for (Pem.Block block : Pem.blocks(pem, what)) {
            if (!block.type().endsWith("PRIVATE KEY")) {
                continue; // e.g. the EC PARAMETERS block openssl ecparam writes first
            }
            if (block.encrypted() || block.type().startsWith("ENCRYPTED")) {
                throw new TransportConfigException(what + ": encrypted keys are not supported (decrypt it with openssl first)");
            }
            try {
                return switch (block.type()) {
                    case "RSA PRIVATE KEY" -> decode(pkcs8FromPkcs1(block.der()), List.of("RSA"));
                    case "EC PRIVATE KEY" -> decode(pkcs8FromSec1(block.der()), List.of("EC"));
                    case "PRIVATE KEY" -> decode(block.der(), ALGORITHMS);
                    default -> throw new TransportConfigException(what + ": " + EXPECTED);
                };
            } catch (Der.MalformedException | GeneralSecurityException e) {
                // the cause is left out on purpose: its message could echo key material
                throw new TransportConfigException(what + ": the " + block.type() + " block cannot be read (" + kind(e) + ")");
            }
        }
        throw new TransportConfigException(what + ": " + EXPECTED);
    }

    /** PKCS#1 RSAPrivateKey → PrivateKeyInfo { 0, rsaEncryption, OCTET STRING pkcs1 }. */
    public static byte[] pkcs8FromPkcs1(byte[] pkcs1) throws Der.MalformedException {
        Der.parse(pkcs1); // a structural check, so garbage fails here and not deep in the JDK
        return Der.element(Der.SEQUENCE, VERSION_0, RSA_ALGORITHM, Der.element(Der.OCTET_STRING, pkcs1));
    }

    /**
     * SEC1 ECPrivateKey { 1, privateKey, [0] curve, [1] publicKey } → PrivateKeyInfo { 0,
     * { id-ecPublicKey, curve }, OCTET STRING sec1 }: the curve moves up into the algorithm.
     */
    public static byte[] pkcs8FromSec1(byte[] sec1) throws Der.MalformedException {
        Der.Element key = Der.parse(sec1);
        if (key.tag() != Der.SEQUENCE) {
            throw new Der.MalformedException("not a SEQUENCE");
        }
        byte[] curve = null;
        for (Der.Element child : key.children()) {
            if (child.tag() == Der.CONTEXT_0) {
                List<Der.Element> parameters = child.children();
                if (parameters.size() == 1 && parameters.getFirst().tag() == Der.OID) {
                    curve = parameters.getFirst().encoded();
                }
            }
        }
        if (curve == null) {
            throw new Der.MalformedException("no named curve in the EC key");
        }
        return Der.element(Der.SEQUENCE, VERSION_0, Der.element(Der.SEQUENCE, EC_PUBLIC_KEY, curve),
                Der.element(Der.OCTET_STRING, sec1));
    }

    private static PrivateKey decode(byte[] pkcs8, List<String> algorithms) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String kind(Exception e) {
        return e instanceof Der.MalformedException ? e.getMessage() : "not a key the JDK knows";
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
