package dev.dockstat.core.source;

import java.util.Locale;

/** What {@code --source} asks for. */
public enum SourceChoice {
    /** The kernel's files when they can be read for a local engine, else the engine's API, silently. */
    AUTO,
    /** The engine's stats API, always. */
    ENGINE,
    /** The kernel's cgroup files; where they cannot be read, a configuration error. */
    KERNEL;

    /** {@code auto}, {@code engine} or {@code kernel}, any case. */
    public static SourceChoice parse(String text) {
        if (text != null) {
            for (SourceChoice c : values()) {
                if (c.label().equalsIgnoreCase(text.strip())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown stats source '" + text + "' (expected auto, engine or kernel)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
