package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}: output pinned byte for byte. To accept a
 * deliberate change, run the test with {@code DOCKSTAT_UPDATE_GOLDEN=1} and review the diff.
 */
public final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {}

    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if ("1".equals(System.getenv("DOCKSTAT_UPDATE_GOLDEN"))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden " + name);
        } catch (IOException e) {
            throw new UncheckedIOException("golden file " + file + " (run with DOCKSTAT_UPDATE_GOLDEN=1 to create it)", e);
        }
    }
}
