package dev.dockstat.cli;

import dev.dockstat.core.env.EnvironmentException;
import dev.dockstat.core.outcome.Outcome;
import dev.dockstat.core.spi.UnknownSchemeException;

/** What dockstat's exit status means, and the one mapping of outcomes and failures to it. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The engine failed, or something at run time did. */
    public static final int RUNTIME = 1;
    /** The command line (or a plan file) is wrong. */
    public static final int USAGE = 2;
    /** Some engines or jobs failed, others succeeded. */
    public static final int PARTIAL = 3;

    private ExitCodes() {}

    /** OK 0, PARTIAL 3, FAILED 1. */
    public static int of(Outcome outcome) {
        return switch (outcome.status()) {
            case OK -> OK;
            case PARTIAL -> PARTIAL;
            case FAILED -> RUNTIME;
        };
    }

    /**
     * A command that failed with {@code failure}: a choice of engines that cannot be honoured is a
     * mistake in the command line or its files (2), anything else a failure at run time (1).
     */
    public static int of(Throwable failure) {
        return usageMistake(failure) ? USAGE : RUNTIME;
    }

    /**
     * Whether the failure is in what the user asked for (the command line, its files, an engine
     * address no installed transport serves), not in the engine or at run time.
     */
    static boolean usageMistake(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) { // an environment names itself around its transport's error
            if (t instanceof UsageException || t instanceof EnvironmentException || t instanceof UnknownSchemeException) {
                return true;
            }
        }
        return false;
    }
}
