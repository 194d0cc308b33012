package dev.dockstat.core.spi;

/** Settings that cannot work: no provider for the scheme, unreadable PEM, a bad address. */
public class TransportConfigException extends Exception {

    public TransportConfigException(String message) {
        super(message);
    }

    public TransportConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
