package dev.dockstat.core.spi;

import java.util.Optional;

/**
 * TLS settings of an endpoint, with certificates and keys as PEM text (the IPC protocol sends
 * them so; files are read into text by the environment resolver).
 *
 * @param caPem trusted CA certificates; empty = the JVM's default trust store
 * @param certPem client certificate chain; empty = no client certificate
 * @param keyPem client private key (PKCS#1, PKCS#8 or SEC1 EC); required with {@code certPem}
 * @param skipVerify accept any server certificate (warned about once when used)
 * @param serverName the name the server certificate must match, even when it is an IP address;
 *     empty = the endpoint's host
 */
public record TlsMaterial(Optional<String> caPem, Optional<String> certPem, Optional<Secret> keyPem,
        boolean skipVerify, Optional<String> serverName) {

    public static final TlsMaterial DEFAULT_TRUST =
            new TlsMaterial(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());

    @Override
    public String toString() {
        return "TlsMaterial[ca=" + caPem.isPresent() + ", cert=" + certPem.isPresent()
                + ", key=" + keyPem.isPresent() + ", skipVerify=" + skipVerify
                + ", serverName=" + serverName.orElse("") + "]";
    }
}
