package dev.dockstat.exporter;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.tls.PemCertificates;
import dev.dockstat.core.tls.PemPrivateKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Optional protection of the /metrics endpoint: basic auth and TLS from PEM files, as Prometheus' scrape config expects. */
public final class EndpointSecurity {

    private EndpointSecurity() {}

    /** Basic auth for one user; the password is compared in constant time. */
    public static Authenticator basicAuth(String user, Secret password) {
        byte[] expectedUser = user.getBytes(StandardCharsets.UTF_8);
        return new BasicAuthenticator("dockstat") {
            @Override
            public boolean checkCredentials(String givenUser, String givenPassword) {
                boolean userOk = MessageDigest.isEqual(expectedUser, givenUser.getBytes(StandardCharsets.UTF_8));
                boolean passwordOk = MessageDigest.isEqual(password.reveal().getBytes(StandardCharsets.UTF_8),
                        givenPassword.getBytes(StandardCharsets.UTF_8));
                return userOk & passwordOk;
            }
        };
    }

    /**
     * TLS with a certificate chain and key in PEM (PKCS#1, PKCS#8 or EC keys).
     *
     * @throws TransportConfigException naming what is wrong, never quoting the key
     */
    public static HttpsConfigurator tls(String certPem, Secret keyPem) throws TransportConfigException {
        List<X509Certificate> chain = PemCertificates.read(certPem, "--tls-cert");
        PrivateKey key = PemPrivateKeys.read(keyPem.reveal(), "--tls-key");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("dockstat", key, none, chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new HttpsConfigurator(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new TransportConfigException("--tls-cert/--tls-key: " + e.getClass().getSimpleName()
                    + " (do the certificate and the key belong together?)");
        }
    }
}
