package dev.dockstat.core.env;

import dev.dockstat.core.spi.TlsMaterial;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI's TLS variables for {@code -H}/{@code DOCKER_HOST} engines: {@code DOCKER_TLS_VERIFY}
 * (TLS, server verified), {@code DOCKER_TLS} (TLS, server not verified), {@code DOCKER_CERT_PATH}
 * (where {@code ca.pem}, {@code cert.pem}, {@code key.pem} are; default the docker config directory).
 * As in the docker CLI, any non-empty value turns a variable on, even {@code 0}.
 */
final class DockerTlsVariables {

    private final Map<String, String> env;
    private final Path dockerConfigDir;

    DockerTlsVariables(Map<String, String> env, Path dockerConfigDir) {
        this.env = env;
        this.dockerConfigDir = dockerConfigDir;
    }

    /** TLS settings for a TCP engine, or empty when neither variable is set. */
    Optional<TlsMaterial> tls() throws EnvironmentException {
        boolean verify = isSet("DOCKER_TLS_VERIFY");
        if (!verify && !isSet("DOCKER_TLS")) {
            return Optional.empty();
        }
        Path certPath = isSet("DOCKER_CERT_PATH") ? Path.of(env.get("DOCKER_CERT_PATH")) : dockerConfigDir;
        return Optional.of(TlsFiles.fromDockerDirectory(certPath, !verify));
    }

    private boolean isSet(String name) {
        String value = env.get(name);
        return value != null && !value.isEmpty();
    }
}
