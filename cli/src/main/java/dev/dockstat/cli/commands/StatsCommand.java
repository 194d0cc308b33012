package dev.dockstat.cli.commands;

import dev.dockstat.cli.UsageException;
import dev.dockstat.cli.Warnings;
import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.cli.render.RowFormat;
import dev.dockstat.cli.render.StatsRow;
import dev.dockstat.cli.render.StatsTable;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.stats.StatsSnapshot;
import dev.dockstat.core.transport.TransportRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockstat stats}: the {@code docker stats} table, from the same formulas. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Display a live stream of container resource usage statistics (like docker stats).",
        footer = {"", "Examples:",
            "  dockstat stats --no-stream",
            "  dockstat stats --no-stream --format json web",
            "  dockstat stats --no-stream --format 'table {{.Name}}\\t{{.CPUPerc}}'"})
public final class StatsCommand implements Callable<Integer> {

    /** Containers by name, ID or ID prefix; empty = every running container (with --all, every one). */
    @Parameters(paramLabel = "CONTAINER", arity = "0..*", description = "Containers by name or ID prefix (default: all running).")
    List<String> containers = new ArrayList<>();

    /** Include stopped containers when none are named. */
    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running).")
    boolean all;

    /** One table and exit, instead of refreshing. */
    @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result.")
    boolean noStream;

    /** Full container IDs. */
    @Option(names = "--no-trunc", description = "Do not truncate output.")
    boolean noTrunc;

    /** table, json, or a Go-style template. */
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format output: 'table' (default), 'json', 'table TEMPLATE' or TEMPLATE, e.g. '{{.Name}}\\t{{.CPUPerc}}'. Fields: Container, Name, ID, CPUPerc, MemUsage, MemPerc, NetIO, BlockIO, PIDs.")
    String format;

    @Mixin
    EndpointOptions endpoint;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RowFormat rowFormat = parseFormat();
        Environment environment = endpoint.environment();
        TransportRegistry transports = TransportRegistry.load().onWarning(Warnings.to(spec.commandLine().getErr()));
        try (DockerClient client = environment.connect(transports)) {
            client.ping(DockerClient.PING_TIMEOUT);
            List<String> targets = targets(client);
            List<StatsRow> rows = new ArrayList<>();
            for (StatsSnapshot.Entry entry : StatsSnapshot.take(client, targets)) {
                if (!entry.ok()) {
                    throw entry.error();
                }
                rows.add(new StatsRow(entry.target(), environment.name(), entry.stats(), noTrunc));
            }
            spec.commandLine().getOut().print(StatsTable.render(rows, rowFormat, false));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private RowFormat parseFormat() {
        try {
            return StatsTable.format(format, false);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** What the user named, or the short IDs of the listed containers (docker's Container column). */
    private List<String> targets(DockerClient client) throws DockerException {
        if (!containers.isEmpty()) {
            return containers;
        }
        return client.containers(all).stream().map(ContainerSummary::shortId).toList();
    }
}
