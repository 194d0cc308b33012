package dev.dockstat.cli.commands;

import dev.dockstat.cli.ErrorReporter;
import dev.dockstat.cli.ExitCodes;
import dev.dockstat.cli.UsageException;
import dev.dockstat.cli.Warnings;
import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.cli.live.LiveView;
import dev.dockstat.cli.render.RowFormat;
import dev.dockstat.cli.render.StatsTable;
import dev.dockstat.cli.stats.Engines;
import dev.dockstat.cli.stats.StatsBoard;
import dev.dockstat.cli.stats.StatsOnce;
import dev.dockstat.cli.stats.StatsStream;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.transport.TransportRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dockstat stats}: the {@code docker stats} table, from the same formulas, for one engine or several. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Display a live stream of container resource usage statistics (like docker stats).",
            "On a terminal: a full-screen view, sortable by key (c cpu, m mem, n name, N net, i block I/O, p pids,"
                + " r reverse, q quit), with a CPU history per container. Otherwise: the table again after every"
                + " engine tick (JSON lines with --format json)."},
        footer = {"", "Examples:",
            "  dockstat stats                                  # the full-screen view",
            "  dockstat stats --no-stream --format json web    # one JSON object, once",
            "  dockstat stats --no-stream --format 'table {{.Name}}\\t{{.CPUPerc}}'",
            "  dockstat -H unix:///var/run/docker.sock -H tcp://127.0.0.1:2375 stats"})
public final class StatsCommand extends EngineCommand {

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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        List<Environment> environments = endpoint.environments();
        RowFormat rowFormat = parseFormat(environments.size() > 1);
        try (Engines engines = Engines.open(environments, Warnings.transports(err))) {
            if (noStream) {
                return StatsOnce.print(engines, containers, all, noTrunc, rowFormat, out, err);
            }
            List<Engines.Failure> down = engines.ping();
            if (down.size() == engines.all().size()) { // nothing to show; some engines down is reported by the board
                if (!engines.several()) {
                    throw down.get(0).error();
                }
                down.forEach(f -> err.println(ErrorReporter.message(f.error())));
                err.flush();
                return ExitCodes.RUNTIME;
            }
            engines.requireContainers(containers, down);
            return follow(engines, rowFormat, out, err);
        }
    }

    private int follow(Engines engines, RowFormat rowFormat, PrintWriter out, PrintWriter err) throws Exception {
        boolean live = (format == null || format.isBlank() || format.strip().equals("table")) && LiveView.available();
        List<String> notices = new CopyOnWriteArrayList<>();
        java.util.function.Consumer<String> sink = live ? notices::add : line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
        try (StatsBoard board = new StatsBoard(engines, containers, all, noTrunc, sink).start()) {
            if (live) {
                try {
                    new LiveView(board, engines.all().size(), notices).run();
                    notices.forEach(err::println); // what the view showed, kept after the screen is gone
                    err.flush();
                    return ExitCodes.OK;
                } catch (LiveView.Unavailable e) {
                    notices.forEach(err::println); // no screen after all: print tables as into a pipe
                    err.flush();
                }
            }
            new StatsStream(board, rowFormat, out).run();
        }
        return ExitCodes.OK;
    }

    private RowFormat parseFormat(boolean several) {
        try {
            return StatsTable.format(format, several);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
