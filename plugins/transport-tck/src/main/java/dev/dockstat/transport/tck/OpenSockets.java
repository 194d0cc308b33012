package dev.dockstat.transport.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists this process's open sockets (TCP and unix alike) and pipes from {@code /proc/self/fd}: the
 * leak check. Pipes count because a transport may speak through a child process's stdin and stdout
 * (ssh), whose pipes are its connections.
 */
public final class OpenSockets {

    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenSockets() {}

    public static boolean supported() {
        return Files.isDirectory(FDS);
    }

    /**
     * The open sockets and pipes by their kernel identity ({@code socket:[INODE]}), which a new
     * one never shares with an old one even when it gets the old one's descriptor number: a check
     * that no connection was opened compares these, as a count would also move when an earlier
     * test's socket is closed meanwhile.
     */
    public static Set<String> open() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.map(OpenSockets::target).filter(t -> t.startsWith("socket:") || t.startsWith("pipe:"))
                    .collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sockets and pipes open now that were not in {@code before} (an earlier {@link #open()}). */
    public static Set<String> openedSince(Set<String> before) {
        Set<String> opened = open();
        opened.removeAll(before);
        return opened;
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException gone) {
            return ""; // closed between listing and reading (e.g. the listing's own descriptor)
        }
    }
}
