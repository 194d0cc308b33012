package dev.dockstat.batch.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a token or key is, never the secret itself: {@code {env: VAR}} or {@code {file: PATH}}.
 * Plans are files people commit and share; secrets stay out of them.
 */
public record SecretRef(Kind kind, String name) {

    public enum Kind { ENV, FILE }

    /** The secret's text; fails with a message that names the reference, never the value. */
    public String resolve(Map<String, String> env) {
        if (kind == Kind.ENV) {
            String v = env.get(name);
            if (v == null || v.isEmpty()) {
                throw new IllegalStateException("environment variable " + name + " is not set");
            }
            return v.strip();
        }
        try {
            return Files.readString(Path.of(name)).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return kind == Kind.ENV ? "{env: " + name + "}" : "{file: " + name + "}";
    }
}
