package dev.dockstat.cli;

import dev.dockstat.cli.commands.RunCommand;
import dev.dockstat.cli.commands.ServeMetricsCommand;
import dev.dockstat.cli.commands.ServeIpcCommand;
import dev.dockstat.cli.commands.CompleteCommand;
import dev.dockstat.cli.commands.CompletionCommand;
import dev.dockstat.cli.commands.DfCommand;
import dev.dockstat.cli.commands.EventsCommand;
import dev.dockstat.cli.commands.StatsCommand;
import dev.dockstat.cli.commands.TrainCommand;
import dev.dockstat.cli.commands.VersionCommand;
import dev.dockstat.cli.commands.ManCommand;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: global help and version; the work is in the subcommands. */
@Command(name = "dockstat",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watches Docker engines: per-container CPU, memory, network, block I/O and PIDs, engine events, disk usage.",
        footer = {"", "Examples:", "  dockstat stats", "  dockstat stats --no-stream -H tcp://127.0.0.1:2375 web db", "  dockstat events --since 10m", "  dockstat df -v", "  dockstat version", "  dockstat run plan.yaml", "  dockstat serve-metrics", "  dockstat serve-ipc   (Dockhand's collection worker)"})
public final class Dockstat implements Runnable {

    /**
     * The subcommands, registered on demand: picocli reads every registered command's annotations
     * at start-up, so a run registers only the command it runs (all of them for help, completion,
     * and anything it does not recognise), which keeps {@code dockstat --version} and every
     * command's start short.
     */
    private static final Map<String, Class<?>> COMMANDS = commands();
    private static final java.util.Set<String> NEED_ALL = java.util.Set.of("help", "completion", "__train", "__man");

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> c = new java.util.LinkedHashMap<>();
        c.put("stats", StatsCommand.class);
        c.put("events", EventsCommand.class);
        c.put("df", DfCommand.class);
        c.put("run", RunCommand.class);
        c.put("serve-metrics", ServeMetricsCommand.class);
        c.put("serve-ipc", ServeIpcCommand.class);
        c.put("version", VersionCommand.class);
        c.put("completion", CompletionCommand.class);
        c.put("help", CommandLine.HelpCommand.class);
        c.put("__complete", CompleteCommand.class);
        c.put("__train", TrainCommand.class);
        c.put("__man", ManCommand.class);
        return c;
    }

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
        CommandFactory factory = new CommandFactory(env);
        CommandLine cli = new CommandLine(new Dockstat(), factory);
        String command = firstCommand(args);
        if (command != null) {
            if (COMMANDS.containsKey(command) && !NEED_ALL.contains(command)) {
                cli.addSubcommand(command, new CommandLine(COMMANDS.get(command), factory));
            } else {
                COMMANDS.forEach((name, type) -> cli.addSubcommand(name, new CommandLine(type, factory)));
            }
        }
        // after the subcommands: picocli applies a converter to the commands present when it is registered
        cli.registerConverter(Path.class, Dockstat::path);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter(env));
        cli.setParameterExceptionHandler(ErrorReporter::usage);
        return cli.execute(args);
    }

    /** A path option's value; picocli's own conversion would name the JDK's exception class in its message. */
    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("not a usable path (" + e.getReason() + ")");
        }
    }

    /** The first argument that is not a top-level option, or null (e.g. {@code dockstat --version}). */
    private static String firstCommand(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
            if (!a.equals("-h") && !a.equals("--help") && !a.equals("-V") && !a.equals("--version")) {
                return a; // an unknown option: picocli's message should list the commands
            }
        }
        return args.length == 0 || java.util.Arrays.asList(args).contains("-h") || java.util.Arrays.asList(args).contains("--help") ? "" : null;
    }
}
