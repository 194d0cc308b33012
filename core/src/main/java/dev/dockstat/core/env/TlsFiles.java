package dev.dockstat.core.env;

import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads certificate and key files into {@link TlsMaterial}, whose PEM is text: the docker CLI's
 * {@code ca.pem}, {@code cert.pem} and {@code key.pem}, a context's TLS directory, or the paths of
 * the environments file. Messages name the file, never its content.
 */
final class TlsFiles {

    private TlsFiles() {}

    /** The three docker files of {@code dir}, each only if it exists (as the docker CLI does). */
    static TlsMaterial fromDockerDirectory(Path dir, boolean skipVerify) throws EnvironmentException {
        return new TlsMaterial(readIfPresent(dir.resolve("ca.pem"), "CA certificate"),
                readIfPresent(dir.resolve("cert.pem"), "client certificate"),
                readIfPresent(dir.resolve("key.pem"), "client key").map(key -> Secret.of(key, "file " + dir.resolve("key.pem"))),
                skipVerify, Optional.empty());
    }

    static Optional<String> readIfPresent(Path file, String what) throws EnvironmentException {
        return Files.exists(file) ? Optional.of(read(file, what)) : Optional.empty();
    }

    static String read(Path file, String what) throws EnvironmentException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new EnvironmentException(what + " " + file + ": no such file");
        } catch (IOException e) {
            throw new EnvironmentException(what + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
