package dev.dockstat.core.api;

/** 401, which only a token-checking proxy (a Hawser agent) sends in front of an engine. */
public class UnauthorizedException extends EngineErrorException {

    public UnauthorizedException(String endpoint) {
        super(401, "401 from Hawser endpoint " + endpoint + ": check the token");
    }
}
