package dev.dockstat.core.api;

/**
 * A Docker API version such as {@code 1.41}. dockstat sends versioned paths ({@code /v1.41/...})
 * with the lower of the engine's version and the newest it knows.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** Oldest engine API dockstat talks to: one-shot stats and the events filters it relies on. */
    public static final ApiVersion MIN = new ApiVersion(1, 41);
    /** Newest API whose responses dockstat knows. */
    public static final ApiVersion MAX = new ApiVersion(1, 47);

    public static ApiVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an API version: " + text);
        }
        try {
            return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an API version: " + text, e);
        }
    }

    /** The version to speak with an engine that reports {@code engine}. */
    public static ApiVersion negotiate(ApiVersion engine) {
        return engine.compareTo(MAX) > 0 ? MAX : engine;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
