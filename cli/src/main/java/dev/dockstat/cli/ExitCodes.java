package dev.dockstat.cli;

import dev.dockstat.core.env.EnvironmentException;
import dev.dockstat.core.outcome.Outcome;

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
        return failure instanceof UsageException || failure instanceof EnvironmentException ? USAGE : RUNTIME;
    }
}
