package dev.dockstat.core.api;

/** The engine (or whatever answered in its place) sent a body dockstat cannot read. */
public class MalformedResponseException extends DockerException {

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
