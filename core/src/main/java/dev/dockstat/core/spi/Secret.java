package dev.dockstat.core.spi;

import java.util.Objects;

/**
 * A token, private key or password. Its value is only reachable through {@link #reveal()};
 * {@link #toString()} never shows it, so a secret that slips into a log line or an exception
 * message prints as {@code ***}.
 */
public final class Secret {

    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** A secret given inline; {@code origin} says where, e.g. {@code "configure envId 3"}. */
    public static Secret of(String value, String origin) {
        return new Secret(value, origin);
    }

    public String reveal() {
        return value;
    }

    /** Where the secret came from (an env var name, a file path, ...), safe to print. */
    public String origin() {
        return origin;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
