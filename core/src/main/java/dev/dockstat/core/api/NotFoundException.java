package dev.dockstat.core.api;

/** 404: e.g. {@code No such container: web}, as the engine words it. */
public class NotFoundException extends EngineErrorException {

    public NotFoundException(String message) {
        super(404, message);
    }
}
