package dev.dockstat.core.env;

import dev.dockstat.core.spi.Secret;
import java.util.Optional;

/**
 * How {@code serve-metrics} protects its own endpoint, from the {@code metrics:} section of the
 * environments file: basic auth (user and password) and HTTPS (certificate chain and key, PEM).
 * The password and key are {@link Secret}s: their text never shows in a message.
 */
public record MetricsEndpointSettings(Optional<String> user, Optional<Secret> password,
        Optional<String> certificatePem, Optional<Secret> keyPem) {

    public static final MetricsEndpointSettings NONE =
            new MetricsEndpointSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
