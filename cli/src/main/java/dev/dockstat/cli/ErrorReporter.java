package dev.dockstat.cli;

import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.EngineUnreachableException;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.env.EnvironmentException;
import dev.dockstat.core.spi.TransportConfigException;
import java.util.Map;
import picocli.CommandLine;

/**
 * Turns what a command throws into one line on stderr and an exit code: the single place where
 * failures meet the user. Stack traces only with {@code DOCKSTAT_DEBUG=1}.
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private final boolean debug;

    /** @param env the process environment; {@code DOCKSTAT_DEBUG=1} adds stack traces */
    ErrorReporter(Map<String, String> env) {
        this.debug = "1".equals(env.get("DOCKSTAT_DEBUG"));
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println(message(e));
        if (debug) {
            e.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return ExitCodes.of(e);
    }

    /** The one line a user reads for a failure. */
    public static String message(Throwable e) {
        if (e instanceof EngineUnreachableException) {
            return e.getMessage();
        }
        if (e instanceof NotFoundException || e instanceof DockerException) {
            return "Error: " + e.getMessage();
        }
        if (e instanceof TransportConfigException || e instanceof UsageException || e instanceof EnvironmentException) {
            return "Error: " + e.getMessage();
        }
        return "Error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("Error: " + e.getMessage());
        cli.getErr().println("See '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        cli.getErr().flush();
        return ExitCodes.USAGE;
    }
}
