package dev.dockstat.cli;

/** A mistake in what the user asked for that picocli cannot see (a bad --format template, ...); exit 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
