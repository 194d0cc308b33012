package dev.dockstat.transport.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Counts this process's open sockets (TCP and unix alike) and pipes from {@code /proc/self/fd}: the
 * leak check. Pipes count because a transport may speak through a child process's stdin and stdout
 * (ssh), whose pipes are its connections.
 */
public final class OpenSockets {

    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenSockets() {}

    public static boolean supported() {
        return Files.isDirectory(FDS);
    }

    public static int count() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.filter(OpenSockets::isSocket).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("socket:") || target.startsWith("pipe:");
        } catch (IOException gone) {
            return false; // closed between listing and reading (e.g. the listing's own descriptor)
        }
    }
}
