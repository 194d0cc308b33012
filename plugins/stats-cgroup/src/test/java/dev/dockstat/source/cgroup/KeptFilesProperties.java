package dev.dockstat.source.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.model.StatsSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The kernel source keeps a container's files open between readings: whatever happens to the
 * container and its files between two readings, a reading is the files' values of the moment, no
 * value (a stopped or removed container), or a {@link DockerException}; never the value of a
 * process or cgroup that is gone, never another exception; and the descriptors it holds are one
 * container's set at most, none after the source is closed.
 */
class KeptFilesProperties {

    /** What happens between two readings. */
    enum Step {
        /** The kernel's values change (the same files, new text: what every reading sees). */
        COUNT,
        /** One file removed and made again with the same name and other text, the process still running. */
        REPLACE,
        /** The container restarts: a new main process, its cgroup removed and made again with the same name. */
        RESTART,
        /** It stops: the process and the cgroup are gone, the engine says not running. */
        STOP,
        /** It starts again after a stop. */
        START,
        /** It is removed: the engine does not know it. */
        REMOVE
    }

    @Provide
    Arbitrary<String> trees() {
        return Arbitraries.of("v2-systemd", "v2-cgroupfs", "v1-systemd", "v1-cgroupfs");
    }

    /** The most descriptors one container's set holds: v1 reads 7 cgroup files, plus net/dev, /proc/stat and /proc/PID/cgroup. */
    private static final int ONE_SET = 10;

    @Property(tries = 150)
    void aReadingIsTheValueOfTheMomentOrNoValueAndNoDescriptorLeaks(@ForAll("trees") String name,
            @ForAll @Size(min = 1, max = 12) List<Step> steps) {
        Path tree = copy(name);
        try {
            FakeEngine engine = name.equals("v1-cgroupfs") ? new FakeEngine(FixtureTrees.HOST_ID, "web", FixtureTrees.HOST_PID)
                    : new FakeEngine(FixtureTrees.ID, "web", FixtureTrees.PID);
            Container c = new Container(tree, engine);
            var source = new CgroupStatsSource(engine, FixtureTrees.settings(tree));
            c.check(source);
            for (Step step : steps) {
                c.apply(step);
                c.check(source);
                int open = OpenFds.under(tree);
                assertTrue(open <= ONE_SET, "one container's files at most: " + open + " after " + steps);
                assertEquals(source.openFiles(), open, "what the source says it holds is what is open");
            }
            source.close();
            assertEquals(0, OpenFds.under(tree), "nothing open after close");
            assertEquals(0, source.openFiles());
        } finally {
            FixtureTrees.delete(tree);
        }
    }

    /** One container of a tree, its state, and the values its files hold now. */
    private static final class Container {
        final Path tree;
        final FakeEngine engine;
        final String procCgroup;
        /** The cgroup directories of the container: every one whose name has the container's ID, with their files. */
        final Map<Path, Map<String, String>> cgroupDirs = new LinkedHashMap<>();
        boolean running = true;
        /** A file was replaced under the process's open handle, which a real kernel never does: no exact value until it restarts. */
        boolean exact = true;
        long pids;
        long rx;
        long nextPid;
        int generation;

        Container(Path tree, FakeEngine engine) {
            this.tree = tree;
            this.engine = engine;
            this.procCgroup = read(tree.resolve("proc/" + engine.pid + "/cgroup"));
            this.nextPid = engine.pid + 1;
            try (Stream<Path> all = Files.walk(tree.resolve("cgroup"))) {
                for (Path dir : all.filter(p -> Files.isDirectory(p) && p.getFileName().toString().contains(engine.id)).toList()) {
                    Map<String, String> files = new LinkedHashMap<>();
                    try (Stream<Path> in = Files.list(dir)) {
                        in.forEach(f -> files.put(f.getFileName().toString(), read(f)));
                    }
                    cgroupDirs.put(dir, files);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writeCounters(); // values of this run's own, so a reading shows which files it read
        }

        void apply(Step step) {
            switch (step) {
                case COUNT -> {
                    if (running) {
                        writeCounters();
                    }
                }
                case REPLACE -> {
                    if (running) {
                        Path pidsFile = pidsFile();
                        Path fresh = pidsFile.resolveSibling("pids.current.new");
                        write(fresh, "77\n");
                        try {
                            Files.move(fresh, pidsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        exact = false;
                    }
                }
                case RESTART -> {
                    if (running) {
                        stop();
                        start();
                    }
                }
                case STOP -> {
                    if (running) {
                        stop();
                    }
                }
                case START -> {
                    if (!running && engine.exists) {
                        start();
                    }
                }
                case REMOVE -> {
                    if (running) {
                        stop();
                    }
                    engine.exists = false;
                }
            }
        }

        /** The reading now: the values the files hold, an empty sample, or not found; never another exception. */
        void check(CgroupStatsSource source) {
            StatsSample s;
            try {
                s = source.sample("web", StatsMode.ONE_SHOT);
            } catch (NotFoundException e) {
                assertTrue(!engine.exists, "only a removed container is not found: " + e.getMessage());
                return;
            } catch (DockerException e) {
                assertTrue(!exact, "a failure only after a file was replaced under a handle: " + e.getMessage());
                return;
            }
            assertTrue(engine.exists, "a removed container has no reading: " + s);
            if (!running) {
                assertTrue(s.empty(), "a stopped container's empty sample: " + s);
                return;
            }
            if (exact) {
                assertEquals(pids, s.pids(), "pids.current of the running process's cgroup, generation " + generation);
                assertEquals(rx, s.netRx(), "net/dev of the running process, generation " + generation);
            }
        }

        private void stop() {
            FixtureTrees.delete(tree.resolve("proc/" + engine.pid));
            cgroupDirs.keySet().forEach(FixtureTrees::delete);
            engine.pid = 0;
            running = false;
        }

        private void start() {
            engine.pid = nextPid++;
            Path proc = tree.resolve("proc/" + engine.pid);
            write(proc.resolve("cgroup"), procCgroup);
            cgroupDirs.forEach((dir, files) -> files.forEach((file, text) -> write(dir.resolve(file), text)));
            running = true;
            exact = true;
            writeCounters();
        }

        private void writeCounters() {
            generation++;
            pids = 100 + generation;
            rx = 5000 + generation;
            write(pidsFile(), pids + "\n");
            write(tree.resolve("proc/" + engine.pid + "/net/dev"), """
                    Inter-|   Receive                                                |  Transmit
                     face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                        lo:     999       9    0    0    0     0          0         0      999       9    0    0    0     0       0          0
                      eth0:    %d      12    0    0    0     0          0         0      700       8    0    0    0     0       0          0
                    """.formatted(rx));
        }

        private Path pidsFile() {
            return cgroupDirs.entrySet().stream().filter(e -> e.getValue().containsKey("pids.current")).findFirst()
                    .orElseThrow().getKey().resolve("pids.current");
        }
    }

    private static Path copy(String tree) {
        try {
            return FixtureTrees.copy(tree, Files.createTempDirectory("dockstat-kept"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
