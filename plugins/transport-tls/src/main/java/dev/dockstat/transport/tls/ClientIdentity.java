package dev.dockstat.transport.tls;

import dev.dockstat.core.spi.TransportConfigException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client certificate chain and its key. Checked to belong together when built, so a mixed-up
 * pair is a clear settings error instead of a handshake the engine refuses for no stated reason.
 */
final class ClientIdentity {

    private static final String ALIAS = "client";

    private final X509Certificate[] chain;
    private final PrivateKey key;

    private ClientIdentity(List<X509Certificate> chain, PrivateKey key) {
        this.chain = chain.toArray(X509Certificate[]::new);
        this.key = key;
    }

    static ClientIdentity of(List<X509Certificate> chain, PrivateKey key) throws TransportConfigException {
        String certAlgorithm = chain.getFirst().getPublicKey().getAlgorithm();
        if (!certAlgorithm.equals(key.getAlgorithm())) {
            throw new TransportConfigException("client certificate and client key do not match (the certificate holds an "
                    + certAlgorithm + " key, the key file an " + key.getAlgorithm() + " key)");
        }
        if (!signs(key, chain.getFirst())) {
            throw new TransportConfigException("client certificate and client key do not match (the key is not the certificate's "
                    + certAlgorithm + " key)");
        }
        return new ClientIdentity(chain, key);
    }

    /** Whether a signature made with {@code key} verifies with the certificate's public key. */
    private static boolean signs(PrivateKey key, X509Certificate certificate) throws TransportConfigException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            if ("RSASSA-PSS".equals(algorithm)) {
                signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1",
                        MGF1ParameterSpec.SHA256, 32, 1));
            }
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            signer.initVerify(certificate.getPublicKey());
            signer.update(challenge);
            return signer.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new TransportConfigException("client key: cannot be used to sign (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Always offers this one identity. The JDK's own key manager would withhold a certificate whose
     * issuer is not among the CAs the server names; the docker CLI sends it anyway, and so must we,
     * so the engine (not dockstat) decides and the user sees the engine's verdict.
     */
    X509ExtendedKeyManager keyManager() {
        return new X509ExtendedKeyManager() {
            @Override
            public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
                return ALIAS;
            }

            @Override
            public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
                return ALIAS;
            }

            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {ALIAS};
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return ALIAS.equals(alias) ? chain.clone() : null;
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return ALIAS.equals(alias) ? key : null;
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }
        };
    }
}
