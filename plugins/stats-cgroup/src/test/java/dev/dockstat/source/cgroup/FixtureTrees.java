package dev.dockstat.source.cgroup;

import dev.dockstat.core.source.SourceSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checked-in trees under {@code src/test/resources/fixtures} (their provenance is in the README
 * there): a {@code proc/} and a {@code cgroup/} root each, as the source reads them on a host.
 */
final class FixtureTrees {

    /** The container of the hand-made trees (v2-systemd, v2-cgroupfs, v1-systemd). */
    static final String ID = "5d1e7a0b3c2f4e6a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a";
    static final long PID = 4242;
    /** The container of the tree copied from the test bed's engine (v1-cgroupfs). */
    static final String HOST_ID = "c1a6fd18947069da0f796c534eb1f10b593a2d5c128cbde3e9c342f899ef68cc";
    static final long HOST_PID = 30663;
    /** MemTotal of every tree's proc/meminfo, in bytes. */
    static final long MEM_TOTAL = 24684092L * 1024;

    private FixtureTrees() {}

    static Path tree(String name) {
        try {
            return Path.of(FixtureTrees.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SourceSettings settings(Path tree) {
        return new SourceSettings(Duration.ofMillis(50), tree.resolve("proc"), tree.resolve("cgroup"));
    }

    /** A writable copy of a tree, for tests that change files. */
    static Path copy(String name, Path into) {
        Path from = tree(name);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path to = into.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file of a tree. */
    static List<Path> files(Path tree) {
        try (Stream<Path> all = Files.walk(tree)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path tree) {
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
