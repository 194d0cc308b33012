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
import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.cli.options.LogOptions;
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
        footer = {"", "Examples:", "  dockstat stats", "  dockstat -H tcp://127.0.0.1:2375 stats --no-stream web db", "  dockstat events --since 10m", "  dockstat df -v", "  dockstat version", "  dockstat run plan.yaml", "  dockstat serve-metrics", "  dockstat serve-ipc   (Dockhand's collection worker)"})
public final class Dockstat implements java.util.concurrent.Callable<Integer> {

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

    /** Top-level options that take a value: skipped when looking for the command's name. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("-H", "--host", "-c", "--context", "--env", "--config", "-l", "--log-level");
    private static final java.util.Set<String> FLAGS = java.util.Set.of("-h", "--help", "-V", "--version", "-D", "--debug");

    /** Every subcommand's name and class, in the order of the usage (for tests of every command's help). */
    static Map<String, Class<?>> commandClasses() {
        return COMMANDS;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * docker's global options, before the command ({@code dockstat -H HOST stats}); the engine
     * commands take them after it too. Mixed in by {@link #run} unless the line is just
     * {@code --version}, whose start then reads no more annotations than it needs.
     */
    private final EndpointOptions engines = new EndpointOptions();
    private final LogOptions log = new LogOptions();

    /** {@code dockstat} alone: the usage, as {@code docker} alone prints it. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /**
     * Runs one dockstat command line and returns its exit code (see {@link ExitCodes}).
     *
     * @param env the process environment (DOCKER_HOST, ...), passed in so tests can give their own
     */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        return run(out, err, env, () -> HelpWidth.ofStdout(env), args);
    }

    /** @param helpWidth the columns of help, asked only when help is printed (see {@link HelpWidth}) */
    static int run(PrintWriter out, PrintWriter err, Map<String, String> env, java.util.function.IntSupplier helpWidth, String... args) {
        CommandFactory factory = new CommandFactory(env);
        Dockstat top = new Dockstat();
        CommandLine cli = new CommandLine(top, factory);
        String command = firstCommand(args);
        if (command != null) {
            top.engines.processEnvironment(env);
            cli.addMixin("engines", top.engines);
            cli.addMixin("log", top.log); // before the subcommands: they inherit its options when added
            if (COMMANDS.containsKey(command) && !NEED_ALL.contains(command)) {
                cli.addSubcommand(command, new CommandLine(COMMANDS.get(command), factory));
            } else {
                COMMANDS.forEach((name, type) -> cli.addSubcommand(name, new CommandLine(type, factory)));
            }
        }
        // after the subcommands: picocli applies a converter to the commands present when it is registered
        cli.registerConverter(Path.class, Dockstat::path);
        if (command != null && printsHelp(command, args)) {
            HelpWrap.apply(cli, helpWidth.getAsInt()); // after the subcommands, so that it reaches them
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter(env, top.log));
        cli.setParameterExceptionHandler(ErrorReporter::usage);
        cli.setExecutionStrategy(top::execute);
        return cli.execute(args);
    }

    /** Runs the command, after refusing engine options before a command that would ignore them. */
    private int execute(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine.Model.CommandSpec command = last.commandSpec();
        boolean help = last.isUsageHelpRequested() || last.isVersionHelpRequested() || command.userObject() instanceof CommandLine.HelpCommand;
        if (engines.given() && last != parsed && !help && EndpointOptions.of(command) == null) {
            throw new CommandLine.ParameterException(command.commandLine(), "'" + command.qualifiedName()
                    + "' talks to no engine given on the command line: -H, --context, --env and --config do not apply");
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Whether this command line prints help, the only output whose width depends on the terminal. */
    private static boolean printsHelp(String command, String[] args) {
        if (command.isEmpty() || command.equals("help")) {
            return true;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    /** A path option's value; picocli's own conversion would name the JDK's exception class in its message. */
    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("not a usable path (" + e.getReason() + ")");
        }
    }

    /**
     * The first argument that is not a top-level option or its value; "" when there is none (the
     * usage is printed: every command is listed), null for {@code dockstat --version} alone (nothing
     * but the version is needed).
     */
    static String firstCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-")) {
                return a;
            }
            if (VALUED.contains(a)) {
                i++;
            } else if (!FLAGS.contains(a) && !attachedValue(a)) {
                return a; // an unknown option: picocli's message should list the commands
            }
        }
        boolean versionOnly = args.length > 0;
        for (String a : args) {
            versionOnly &= a.equals("-V") || a.equals("--version");
        }
        return versionOnly ? null : "";
    }

    /** {@code --host=HOST} or {@code -HHOST}. */
    private static boolean attachedValue(String arg) {
        int equals = arg.indexOf('=');
        if (arg.startsWith("--")) {
            return equals > 0 && VALUED.contains(arg.substring(0, equals));
        }
        return arg.length() > 2 && VALUED.contains(arg.substring(0, 2));
    }
}
