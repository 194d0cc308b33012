package dev.dockstat.core.env;

/**
 * The user's choice of engines cannot be honoured: conflicting options, an unknown context or
 * environment name, mistakes in the environments file (one line each, {@code FILE:LINE:COL: message}),
 * an unreadable certificate file. The message never contains a secret.
 */
public class EnvironmentException extends Exception {

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
