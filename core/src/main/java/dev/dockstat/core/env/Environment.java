package dev.dockstat.core.env;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.transport.TransportRegistry;
import java.util.Objects;

/**
 * A named engine dockstat watches: where it is and how to reach it.
 *
 * @param name shown in the ENV column, in messages and as a metric label
 * @param endpoint address, TLS settings, token and pool sizes
 */
public record Environment(String name, Endpoint endpoint) {

    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * A client for this engine over the transport the registry picks. Connects lazily.
     *
     * @throws TransportConfigException naming this environment, when its settings cannot work
     */
    public DockerClient connect(TransportRegistry registry) throws TransportConfigException {
        try {
            return new DockerClient(name, endpoint, registry.open(endpoint));
        } catch (TransportConfigException e) {
            throw new TransportConfigException(DockerClient.where(name, endpoint) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Environment[" + name + ", " + endpoint + "]";
    }
}
