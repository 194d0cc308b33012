package dev.dockstat.cli.options;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * docker's {@code -l/--log-level} and {@code -D/--debug}, accepted before or after any command so
 * scripts written for docker run unchanged. dockstat reports errors and warnings at every level;
 * {@code debug} adds the stack trace of an error (as {@code DOCKSTAT_DEBUG=1} does).
 */
public final class LogOptions {

    /** docker's levels, spelled as docker spells them. */
    public enum Level { debug, info, warn, error, fatal }

    // inherited: picocli copies these to every subcommand, and wherever they are typed the value lands here
    @Option(names = {"-l", "--log-level"}, paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Logging level: ${COMPLETION-CANDIDATES} (default: info); debug adds stack traces to errors.")
    Level level;

    @Option(names = {"-D", "--debug"}, scope = ScopeType.INHERIT, description = "Same as --log-level debug.")
    boolean debug;

    /** Whether an error should come with its stack trace. */
    public boolean stackTraces() {
        return debug || level == Level.debug;
    }
}
