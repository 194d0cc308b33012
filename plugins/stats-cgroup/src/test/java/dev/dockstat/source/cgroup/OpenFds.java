package dev.dockstat.source.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** This JVM's open file descriptors, by what they point at ({@code /proc/self/fd}), to count what a source keeps open. */
final class OpenFds {

    private OpenFds() {}

    /** The targets of this process's open descriptors that {@code which} accepts. */
    static List<String> matching(Predicate<String> which) {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(OpenFds::target).filter(t -> t != null && which.test(t)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many open descriptors point into {@code tree}. */
    static int under(Path tree) {
        String prefix = tree.toAbsolutePath().toString() + "/";
        return matching(t -> t.startsWith(prefix)).size();
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return null; // closed meanwhile (the listing's own descriptor)
        }
    }
}
