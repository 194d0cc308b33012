package dev.dockstat.core.source;

/** A source asked for by name cannot read this engine's containers; the message says why. */
public final class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message) {
        super(message);
    }
}
