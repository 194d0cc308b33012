package dev.dockstat.core.api;

/** The engine speaks an API older than dockstat supports. */
public class UnsupportedEngineException extends DockerException {

    public UnsupportedEngineException(String message) {
        super(message);
    }
}
