package dev.dockstat.transport.tls;

import dev.dockstat.core.tls.PemCertificates;
import dev.dockstat.core.tls.PemPrivateKeys;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.spi.TransportConfigException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Builds the JDK {@link SSLContext} for a {@link TlsMaterial}: whom to trust and who we are. */
final class TlsContexts {

    private TlsContexts() {}

    static SSLContext of(TlsMaterial tls) throws TransportConfigException {
        TrustManager[] trust = tls.skipVerify() ? new TrustManager[] {new TrustEverything()} : trustManagers(tls);
        KeyManager[] identity = keyManagers(tls);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(identity, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS context", e);
        }
    }

    /** The given CAs only, or the JVM's default trust store when none are given. */
    private static TrustManager[] trustManagers(TlsMaterial tls) throws TransportConfigException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (tls.caPem().isEmpty()) {
                factory.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                List<X509Certificate> cas = PemCertificates.read(tls.caPem().get(), "CA certificates");
                for (int i = 0; i < cas.size(); i++) {
                    store.setCertificateEntry("ca-" + i, cas.get(i));
                }
                factory.init(store);
            }
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK cannot make a trust store", e);
        }
    }

    /** No client certificate (an empty array, not null: null would load the JVM's javax.net.ssl.keyStore). */
    private static KeyManager[] keyManagers(TlsMaterial tls) throws TransportConfigException {
        if (tls.certPem().isEmpty() && tls.keyPem().isEmpty()) {
            return new KeyManager[0];
        }
        if (tls.keyPem().isEmpty()) {
            throw new TransportConfigException("a client certificate is given without its key");
        }
        if (tls.certPem().isEmpty()) {
            throw new TransportConfigException("a client key is given without its certificate");
        }
        Secret key = tls.keyPem().get();
        ClientIdentity identity = ClientIdentity.of(
                PemCertificates.read(tls.certPem().get(), "client certificate"),
                PemPrivateKeys.read(key.reveal(), "client key"));
        return new KeyManager[] {identity.keyManager()};
    }
}
