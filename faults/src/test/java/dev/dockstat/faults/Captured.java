package dev.dockstat.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything the fault suite saw come out of dockstat: the children's stdout and stderr, the
 * in-process diagnostics, exception messages and {@code toString}s. Kept under
 * {@code target/captured/} so that {@link SecretsIT}, which runs last, can look for the suite's
 * secrets in all of it.
 */
final class Captured {

    static final Path DIR = Path.of("target", "captured");

    private Captured() {}

    /** Appends {@code text} to {@code target/captured/<name>.txt}. */
    static synchronized void keep(String name, String text) {
        try {
            Files.createDirectories(DIR);
            // getBytes, not writeString: fuzzed input quoted in a diagnostic may hold a lone surrogate,
            // which writeString refuses; here it becomes '?'
            Files.write(DIR.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt"), (text + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void keep(String name, List<String> lines) {
        keep(name, String.join("\n", lines));
    }

    /** Every file kept so far. */
    static List<Path> files() {
        if (!Files.isDirectory(DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
