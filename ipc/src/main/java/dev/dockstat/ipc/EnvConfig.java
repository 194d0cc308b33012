package dev.dockstat.ipc;

import dev.dockstat.core.spi.Secret;

/**
 * The {@code config} of a {@code configure}: how to reach the engine, as Dockhand stores it.
 *
 * @param type {@code socket}, {@code http} or {@code https}
 * @param socketPath for {@code socket}; null = {@code /var/run/docker.sock}
 * @param host for {@code http}/{@code https}; also the TLS verification name
 * @param port for {@code http}/{@code https}
 * @param ca trusted CA certificates (PEM); null = the JVM's default trust
 * @param cert client certificate (PEM)
 * @param key client private key (PEM)
 * @param skipVerify accept any server certificate
 */
public record EnvConfig(String type, String socketPath, String host, long port, String ca, String cert, Secret key,
        boolean skipVerify) {

    @Override
    public String toString() {
        return "EnvConfig[type=" + type + ", socketPath=" + socketPath + ", host=" + host + ", port=" + port
                + ", ca=" + (ca != null) + ", cert=" + (cert != null) + ", key=" + (key != null)
                + ", skipVerify=" + skipVerify + "]";
    }
}
