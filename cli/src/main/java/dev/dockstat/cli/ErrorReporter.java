package dev.dockstat.cli;

import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.EngineUnreachableException;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.env.EnvironmentException;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.cli.options.LogOptions;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Turns what a command throws into one line on stderr and an exit code: the single place where
 * failures meet the user. Stack traces only with {@code DOCKSTAT_DEBUG=1}.
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private final boolean debugVariable;
    private final LogOptions log;

    /**
     * @param env the process environment; {@code DOCKSTAT_DEBUG=1} adds stack traces
     * @param log the command line's {@code --log-level}/{@code --debug}, read when an error comes
     */
    ErrorReporter(Map<String, String> env, LogOptions log) {
        this.debugVariable = "1".equals(env.get("DOCKSTAT_DEBUG"));
        this.log = log;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println(message(e));
        if (debugVariable || log.stackTraces()) {
            e.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return ExitCodes.of(e);
    }

    /** The line a user reads for a failure (a line per mistake for an environments file). */
    public static String message(Throwable e) {
        if (e instanceof EngineUnreachableException) {
            return e.getMessage();
        }
        if (e instanceof NotFoundException || e instanceof DockerException) {
            return "Error: " + e.getMessage();
        }
        if (e instanceof EnvironmentException) {
            // every mistake in the environments file, one line each, each marked as an error
            return "Error: " + e.getMessage().replace("\n", "\nError: ");
        }
        if (e instanceof TransportConfigException || e instanceof UsageException) {
            return "Error: " + e.getMessage();
        }
        return "Error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("Error: " + usageMessage(e));
        cli.getErr().println("See '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        cli.getErr().flush();
        return ExitCodes.USAGE;
    }

    /** picocli's message, with the nearest command or option names when the user mistyped one. */
    private static String usageMessage(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        CommandLine cli = e.getCommandLine();
        String message = e.getMessage();
        if (!unmatched.isUnknownOption() && !cli.getSubcommands().isEmpty()) {
            message = "unknown command '" + unmatched.getUnmatched().getFirst() + "' for '" + cli.getCommandSpec().qualifiedName() + "'";
        }
        List<String> near = DidYouMean.suggestions(unmatched);
        if (near.isEmpty()) {
            return message;
        }
        return message + "; did you mean '" + String.join("' or '", near) + "'?";
    }
}
