package dev.dockstat.cli.commands;

import dev.dockstat.cli.Warnings;
import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.env.EnvironmentException;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.transport.TransportRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the engine(s) of {@code -H}/{@code DOCKER_HOST}: the endpoint options and a pinged client. */
abstract class EngineCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpoint;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * A client for the chosen engine that has answered a ping (so a missing engine is one clear
     * line before any work); the caller closes it.
     */
    DockerClient connect(Duration pingTimeout) throws TransportConfigException, EnvironmentException {
        DockerClient client = endpoint.environment().connect(Warnings.transports(spec.commandLine().getErr()));
        try {
            client.ping(pingTimeout);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
