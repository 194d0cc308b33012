package dev.dockstat.cli.commands;

import dev.dockstat.cli.ErrorReporter;
import dev.dockstat.cli.ExitCodes;
import dev.dockstat.cli.UsageException;
import dev.dockstat.cli.Warnings;
import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.cli.live.ContainerInfo;
import dev.dockstat.cli.live.LiveView;
import dev.dockstat.cli.live.Styles;
import dev.dockstat.cli.render.RowFormat;
import dev.dockstat.cli.render.StatsTable;
import dev.dockstat.cli.stats.Engines;
import dev.dockstat.cli.stats.StatsBoard;
import dev.dockstat.cli.stats.StatsOnce;
import dev.dockstat.cli.stats.StatsStream;
import dev.dockstat.core.api.DockerClient;
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
            "On a terminal: a full-screen view with a CPU history per container: arrows, PgUp/PgDn, Home/End"
                + " scroll; / filters by name or ID; Enter shows one container, Esc goes back; a shows stopped"
                + " containers; c, m, n, N, i, p sort (r reverses); q quits. NO_COLOR turns colours off."
                + " Otherwise: the table again after every engine tick (JSON lines with --format json)."},
        footer = {"", "Examples:",
            "  dockstat stats                                   # live view of every running container",
            "  dockstat stats --no-stream --format json web     # one JSON object, once",
            "  dockstat stats --no-stream --format 'table {{.Name}}\\t{{.CPUPerc}}'",
            "  dockstat stats -H unix:///var/run/docker.sock -H tcp://build-host:2375 --no-stream"})
public final class StatsCommand extends EngineCommand {

    /** The largest inspect answer the live view's detail reads (labels and env can make it long). */
    private static final int INSPECT_CAP = 4 << 20;

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
        java.util.function.Consumer<String> toErr = line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
        if (live) {
            // the view lists stopped containers too, so that its 'a' key can show them without a new board
            try (StatsBoard board = new StatsBoard(engines, containers, true, noTrunc, notices::add).start()) {
                new LiveView(board, engines.all().size(), notices, all || !containers.isEmpty(), Styles.of(System.getenv()),
                        inspector(engines)).run();
                notices.forEach(err::println); // what the view showed, kept after the screen is gone
                err.flush();
                return ExitCodes.OK;
            } catch (LiveView.Unavailable e) {
                notices.forEach(err::println); // no screen after all: print tables as into a pipe
                err.flush();
                notices.clear();
            }
        }
        try (StatsBoard board = new StatsBoard(engines, containers, all, noTrunc, toErr).start()) {
            new StatsStream(board, rowFormat, out).run();
        }
        return ExitCodes.OK;
    }

    /** The live view's detail: the engine's inspect of one container, on the client of its engine. */
    private static LiveView.Inspector inspector(Engines engines) {
        return (environment, id) -> {
            for (Engines.Engine engine : engines.all()) {
                if (engine.name().equals(environment)) {
                    byte[] json = engine.client().getRaw("/containers/" + id + "/json", DockerClient.DEFAULT_TIMEOUT, INSPECT_CAP);
                    return ContainerInfo.parse(json, engine.client().endpoint().display());
                }
            }
            throw new IllegalStateException("no engine " + environment);
        };
    }

    private RowFormat parseFormat(boolean several) {
        try {
            return StatsTable.format(format, several);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
