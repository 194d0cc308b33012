package dev.dockstat.cli.commands;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.model.ContainerSummary;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dockstat __complete containers}: container names, one a line, for the completion script (hidden). */
@Command(name = "__complete", hidden = true, description = "Candidates for shell completion.")
public final class CompleteCommand extends EngineCommand {

    /** A shell waits for this: a slow engine gives no candidates rather than a hung prompt. */
    private static final Duration QUICK = Duration.ofSeconds(2);

    @Parameters(paramLabel = "WHAT", description = "containers")
    String what;

    @Option(names = {"-a", "--all"}, description = "Stopped containers too.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        if (!"containers".equals(what)) {
            return 0;
        }
        try (DockerClient client = connect(QUICK)) {
            for (ContainerSummary c : client.containers(all)) {
                out().println(c.name());
            }
        }
        out().flush();
        return 0;
    }
}
