package dev.dockstat.source.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.StatsCalculator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * What the kernel source does with trees the kernel or a race can produce: counters that go
 * backwards, files that are missing or hold something else, a container that exits between the
 * two readings. Whatever happens, a reading is a sample or a {@link DockerException} (which a
 * round reports as that container's failure), a CPU figure is absent or within range, and nothing
 * else is thrown.
 */
class CgroupSourceProperties {

    private static final String CPU_V2 = "cgroup/system.slice/docker-" + FixtureTrees.ID + ".scope/cpu.stat";

    @Provide
    Arbitrary<String> trees() {
        return Arbitraries.of("v2-systemd", "v2-cgroupfs", "v1-systemd", "v1-cgroupfs");
    }

    private static Path copy(String tree) {
        try {
            return FixtureTrees.copy(tree, Files.createTempDirectory("dockstat-tree"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FakeEngine engineFor(String tree) {
        return tree.equals("v1-cgroupfs") ? new FakeEngine(FixtureTrees.HOST_ID, "web", FixtureTrees.HOST_PID)
                : new FakeEngine(FixtureTrees.ID, "web", FixtureTrees.PID);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hostStat(long ticks) {
        return "cpu  " + ticks + " 0 0 0 0 0 0 0 0 0\ncpu0 " + ticks + " 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\nintr 0\n";
    }

    @Property(tries = 100)
    void countersThatGoBackwardsGiveNoCpuFigure(@ForAll @LongRange(max = 1L << 40) long cpu1, @ForAll @LongRange(max = 1L << 40) long cpu2,
            @ForAll @LongRange(min = 1, max = 1L << 30) long host1, @ForAll @LongRange(min = 1, max = 1L << 30) long host2) {
        Path tree = copy("v2-systemd");
        try {
            var source = new CgroupStatsSource(new FakeEngine(FixtureTrees.ID, "web", FixtureTrees.PID), FixtureTrees.settings(tree));
            write(tree.resolve(CPU_V2), "usage_usec " + cpu1 + "\n");
            write(tree.resolve("proc/stat"), hostStat(host1));
            StatsSample first = source.sample("web", StatsMode.ONE_SHOT);
            write(tree.resolve(CPU_V2), "usage_usec " + cpu2 + "\n");
            write(tree.resolve("proc/stat"), hostStat(host2));
            StatsSample second = source.sample("web", StatsMode.ONE_SHOT);
            double cpu = StatsCalculator.cpuPercent(second, first);
            if (cpu2 < cpu1 || host2 < host1) {
                assertTrue(Double.isNaN(cpu), "a counter went backwards: no figure, got " + cpu);
            } else {
                assertTrue(Double.isNaN(cpu) || cpu >= 0 && cpu <= 200, "within [0, 100 x 2 CPUs]: " + cpu);
            }
        } finally {
            FixtureTrees.delete(tree);
        }
    }

    @Property(tries = 100)
    void missingFilesAreASampleOrAFailureNeverAnotherException(@ForAll("trees") String name,
            @ForAll @IntRange(min = 1, max = 40) int seed, @ForAll @IntRange(min = 1, max = 5) int count) {
        Path tree = copy(name);
        try {
            FakeEngine engine = engineFor(name);
            var source = new CgroupStatsSource(engine, FixtureTrees.settings(tree));
            List<Path> files = FixtureTrees.files(tree);
            for (int i = 0; i < count; i++) {
                Path gone = files.get((seed * 31 + i * 17) % files.size());
                try {
                    Files.deleteIfExists(gone);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            readsCleanly(source);
        } finally {
            FixtureTrees.delete(tree);
        }
    }

    @Property(tries = 100)
    void filesWithSomethingElseInThemAreASampleOrAFailure(@ForAll("trees") String name, @ForAll @IntRange(min = 0, max = 40) int which,
            @ForAll("garbage") String content) {
        Path tree = copy(name);
        try {
            var source = new CgroupStatsSource(engineFor(name), FixtureTrees.settings(tree));
            List<Path> files = FixtureTrees.files(tree);
            write(files.get(which % files.size()), content);
            readsCleanly(source);
        } finally {
            FixtureTrees.delete(tree);
        }
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("", "max", "-1", "18446744073709551615", "usage_usec\n", "cpu  1 2\n", "8:0 Read\n",
                        "8:0 rbytes=x wbytes=1\n", "lo: 1 2 3\n", "0::\n", "MemTotal: kB\n"));
    }

    /** The container stops (engine: not running) or is removed (engine: 404) between two readings. */
    @Property(tries = 100)
    void aContainerThatExitsBetweenTheReadingsHasNoValue(@ForAll("trees") String name, @ForAll boolean removed,
            @ForAll boolean cgroupGoesFirst) {
        Path tree = copy(name);
        try {
            FakeEngine engine = engineFor(name);
            var source = new CgroupStatsSource(engine, FixtureTrees.settings(tree));
            StatsSample first = source.sample("web", StatsMode.ONE_SHOT);
            // the kernel removes the process and the cgroup in either order; the engine hears of it after
            FixtureTrees.delete(tree.resolve(cgroupGoesFirst ? "cgroup" : "proc/" + engine.pid));
            if (removed) {
                engine.exists = false;
            } else {
                engine.pid = 0;
            }
            try {
                StatsSample second = source.sample("web", StatsMode.ONE_SHOT);
                assertTrue(!removed && second.empty(), "a stopped container's empty sample: " + second);
                assertTrue(Double.isNaN(StatsCalculator.cpuPercent(second, first)), "no CPU figure");
            } catch (NotFoundException e) {
                assertTrue(removed, "only a removed container is not found: " + e.getMessage());
            }
            assertEquals(0, engine.statsCalls.get(), "nothing read through the engine for a container that is gone");
        } finally {
            FixtureTrees.delete(tree);
        }
    }

    private static void readsCleanly(CgroupStatsSource source) {
        for (StatsMode mode : StatsMode.values()) {
            try {
                StatsSample s = source.sample("web", mode);
                assertTrue(s.memUsage() >= 0 && s.pids() >= 0 && s.cpuTotal() >= 0, s.toString());
            } catch (DockerException expected) {
                // a failure of this container's reading: the round reports it
            }
        }
    }
}
