package dev.dockstat.cli.commands;

import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.transport.TransportRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockstat __complete containers}: container names, one a line, for the completion script (hidden). */
@Command(name = "__complete", hidden = true, description = "Candidates for shell completion.")
public final class CompleteCommand implements Callable<Integer> {

    /** A shell waits for this: a slow engine gives no candidates rather than a hung prompt. */
    private static final Duration QUICK = Duration.ofSeconds(2);

    @Parameters(paramLabel = "WHAT", description = "containers")
    String what;

    @Option(names = {"-a", "--all"}, description = "Stopped containers too.")
    boolean all;

    @Mixin
    EndpointOptions endpoint;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!"containers".equals(what)) {
            return 0;
        }
        try (DockerClient client = endpoint.environment().connect(TransportRegistry.load())) {
            client.ping(QUICK);
            for (ContainerSummary c : client.containers(all)) {
                spec.commandLine().getOut().println(c.name());
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
