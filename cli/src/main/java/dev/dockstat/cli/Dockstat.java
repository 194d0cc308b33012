package dev.dockstat.cli;

import dev.dockstat.cli.commands.RunCommand;
import dev.dockstat.cli.commands.ServeMetricsCommand;
import dev.dockstat.cli.commands.ServeIpcCommand;
import dev.dockstat.cli.commands.StatsCommand;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: global help and version; the work is in the subcommands. */
@Command(name = "dockstat",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watches Docker engines: per-container CPU, memory, network, block I/O and PIDs.",
        footer = {"", "Examples:", "  dockstat stats --no-stream", "  dockstat stats -H tcp://127.0.0.1:2375 web db",
            "  dockstat stats --no-stream --context remote", "  dockstat serve-ipc   (Dockhand's collection worker)", "  dockstat stats --no-stream --env prod --config ./environments.yaml"},
        subcommands = {
            StatsCommand.class,
            RunCommand.class,
            ServeIpcCommand.class,
            ServeMetricsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Dockstat implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'dockstat --help'");
    }

    /**
     * Runs one dockstat command line and returns its exit code (see {@link ExitCodes}).
     *
     * @param env the process environment (DOCKER_HOST, ...), passed in so tests can give their own
     */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new Dockstat(), new CommandFactory(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter(env));
        cli.setParameterExceptionHandler(ErrorReporter::usage);
        return cli.execute(args);
    }
}
