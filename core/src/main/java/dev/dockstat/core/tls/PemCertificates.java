package dev.dockstat.core.tls;

import dev.dockstat.core.spi.TransportConfigException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** X.509 certificates from PEM text: a CA bundle or a client chain (leaf first). */
public final class PemCertificates {

    private PemCertificates() {}

    /** Every {@code CERTIFICATE} block; at least one. */
    public static List<X509Certificate> read(String pem, String what) throws TransportConfigException {
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 support", e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Pem.Block block : Pem.blocks(pem, what)) {
            if (!block.type().equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new TransportConfigException(what + ": certificate " + (certificates.size() + 1) + " cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (certificates.isEmpty()) {
            throw new TransportConfigException(what + ": no PEM certificate found (expected -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }
}
