package dev.dockstat.core.api;

/**
 * Something went wrong talking to an engine. The message is one line fit for a user: it names the
 * cause and never contains a secret. Subclasses say what kind of failure it was.
 */
public class DockerException extends RuntimeException {

    public DockerException(String message) {
        super(message);
    }

    public DockerException(String message, Throwable cause) {
        super(message, cause);
    }
}
