package dev.dockstat.cli.commands;

import dev.dockstat.cli.ExitCodes;
import dev.dockstat.cli.UsageException;
import dev.dockstat.cli.options.DurationConverter;
import dev.dockstat.cli.options.SourceOptions;
import dev.dockstat.cli.render.RowFormat;
import dev.dockstat.cli.render.StatsTable;
import dev.dockstat.cli.stats.StatsRun;
import dev.dockstat.core.env.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dockstat stats}: the {@code docker stats} table, from the same formulas, for one engine or several. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Display a live stream of container resource usage statistics (like docker stats).",
            "On a terminal: a full-screen view with a CPU history per container: arrows, PgUp/PgDn, Home/End"
                + " scroll; / filters by name or ID; Enter shows one container, Esc goes back; a shows stopped"
                + " containers; c, m, n, N, i, p sort (r reverses); q quits. NO_COLOR turns colours off."
                + " Otherwise: the table again after every engine tick (JSON lines with --format json)."},
        footer = {"", "Examples:",
            "  dockstat stats                                  # the full-screen view",
            "  dockstat stats --no-stream --format json web    # one JSON object, once",
            "  dockstat stats --interval 250ms                 # 4 refreshes a second",
            "  dockstat stats --no-stream --format 'table {{.Name}}\\t{{.CPUPerc}}'",
            "  dockstat -H unix:///var/run/docker.sock -H tcp://127.0.0.1:2375 stats"})
public final class StatsCommand extends EngineCommand {

    /** The live view's shortest refresh: a few of the kernel's 10 ms CPU ticks still make a figure. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(250);

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
            description = "Format output: 'table' (default), 'json', 'table TEMPLATE' or TEMPLATE, e.g. '{{.Name}}\\t{{.CPUPerc}}'. Fields: Container, Name, ID, CPUPerc, MemUsage, MemPerc, NetIO, BlockIO, PIDs (and Env with several engines).")
    String format;

    /** Where the counters come from. */
    @Mixin
    SourceOptions source;

    /** Time between refreshes of the live view or the streamed table. */
    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Time between refreshes without --no-stream, at least 250ms (default: ${DEFAULT-VALUE}). "
                    + "Below 1s only with the kernel source: the engine's API has a new reading once a second.")
    Duration interval;

    @Override
    public Integer call() throws Exception {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new UsageException("--interval: at least " + MIN_INTERVAL.toMillis() + "ms, got " + interval.toMillis() + "ms");
        }
        List<Environment> environments = endpoint.environments();
        boolean defaultTable = format == null || format.isBlank() || format.strip().equals("table");
        StatsRun run = new StatsRun(environments, containers, all, noStream, noTrunc,
                parseFormat(environments.size() > 1), defaultTable, interval,
                clients -> source.attach(clients, env, err()));
        return ExitCodes.of(run.run(out(), err()));
    }

    private RowFormat parseFormat(boolean several) {
        try {
            return StatsTable.format(format, several);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
