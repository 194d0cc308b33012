package dev.dockstat.cli.commands;

import dev.dockstat.cli.Warnings;
import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.env.EnvironmentException;
import dev.dockstat.core.spi.TransportConfigException;
import java.time.Duration;
import picocli.CommandLine.Mixin;

/** A command that talks to the engine(s) of {@code -H}/{@code DOCKER_HOST}: the endpoint options and a pinged client. */
abstract class EngineCommand extends BaseCommand {

    @Mixin
    EndpointOptions endpoint;




    /**
     * A client for the chosen engine that has answered a ping (so a missing engine is one clear
     * line before any work); the caller closes it.
     */
    DockerClient connect(Duration pingTimeout) throws TransportConfigException, EnvironmentException {
        DockerClient client = endpoint.environment().connect(Warnings.transports(err()));
        try {
            client.ping(pingTimeout);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
