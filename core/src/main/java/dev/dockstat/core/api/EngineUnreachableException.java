package dev.dockstat.core.api;

/** The engine could not be reached, or did not answer in time, or the TLS handshake failed. */
public class EngineUnreachableException extends DockerException {

    private final String endpoint;
    private final String reason;

    public EngineUnreachableException(String endpoint, String reason, Throwable cause) {
        super("Cannot connect to the Docker engine at " + endpoint + ": " + reason, cause);
        this.endpoint = endpoint;
        this.reason = reason;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The cause alone, e.g. {@code connection refused} or {@code TLS: server certificate not trusted}. */
    public String reason() {
        return reason;
    }
}
