package dev.dockstat.core.api;

/** The engine answered with an error status. */
public class EngineErrorException extends DockerException {

    private final int status;

    public EngineErrorException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
