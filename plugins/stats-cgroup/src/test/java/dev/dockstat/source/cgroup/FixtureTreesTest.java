package dev.dockstat.source.cgroup;

import static dev.dockstat.source.cgroup.FixtureTrees.ID;
import static dev.dockstat.source.cgroup.FixtureTrees.MEM_TOTAL;
import static dev.dockstat.source.cgroup.FixtureTrees.PID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.StatsCalculator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel source on the checked-in trees: both cgroup versions, both drivers, each counter to
 * the value its file holds, in the units and with the rules of the engine's stats answer.
 */
class FixtureTreesTest {

    /** /proc/stat's cpu line: 159768 + 0 + 22718 + 178118 + 665 + 0 + 252 ticks of 10 ms (steal and guest left out). */
    private static final long HOST_CPU_NANOS = 361_521L * 10_000_000L;

    private static StatsSample read(String tree, String id, long pid, String name) {
        var source = new CgroupStatsSource(new FakeEngine(id, name, pid), FixtureTrees.settings(FixtureTrees.tree(tree)));
        return source.sample(name, StatsMode.ONE_SHOT);
    }

    @Test
    void cgroupV2WithTheSystemdDriver() {
        StatsSample s = read("v2-systemd", ID, PID, "web");
        assertEquals(ID, s.id());
        assertEquals("web", s.displayName());
        assertEquals(5_000_000_000L, s.cpuTotal(), "cpu.stat usage_usec in ns");
        assertEquals(HOST_CPU_NANOS, s.systemCpu());
        assertEquals(2, s.onlineCpus());
        assertEquals(52_428_800L, s.memUsage());
        assertEquals(67_108_864L, s.memLimit());
        assertEquals(10_485_760L, s.inactiveFile());
        assertEquals(StatsSample.ABSENT, s.totalInactiveFile(), "v2 has no hierarchical total");
        assertEquals(41_943_040L, StatsCalculator.memoryUsed(s));
        assertEquals(1500, s.netRx(), "eth0 only, not lo");
        assertEquals(700, s.netTx());
        assertEquals(1300, s.blkRead(), "rbytes of both devices");
        assertEquals(2400, s.blkWrite());
        assertEquals(3, s.pids());
        assertFalse(s.hasPreCpu());
    }

    @Test
    void cgroupV2WithTheCgroupfsDriverAndNoLimit() {
        StatsSample s = read("v2-cgroupfs", ID, PID, "web");
        assertEquals(5_000_000_000L, s.cpuTotal());
        assertEquals(MEM_TOTAL, s.memLimit(), "memory.max 'max': the host's memory, as the engine shows it");
        assertEquals(0, s.blkRead() + s.blkWrite(), "an empty io.stat");
        assertEquals(3, s.pids());
    }

    @Test
    void cgroupV1WithTheSystemdDriverAndCoMountedCpuAccounting() {
        StatsSample s = read("v1-systemd", ID, PID, "web");
        assertEquals(5_000_000_000L, s.cpuTotal(), "cpu,cpuacct/.../cpuacct.usage");
        assertEquals(MEM_TOTAL, s.memLimit(), "the v1 'no limit' number capped at the host's memory");
        assertEquals(8_388_608L, s.inactiveFile());
        assertEquals(10_485_760L, s.totalInactiveFile());
        assertEquals(52_428_800L - 10_485_760L, StatsCalculator.memoryUsed(s), "usage minus the hierarchical inactive file");
        assertEquals(4096, s.blkRead(), "the CFQ statistics when they are filled, as the engine prefers");
        assertEquals(8192, s.blkWrite());
    }

    /** Copied from the test bed's engine (cgroup v1, cgroupfs) next to docker stats' row for it. */
    @Test
    void cgroupV1WithTheCgroupfsDriverAsCopiedFromTheTestBed() throws IOException {
        Path tree = FixtureTrees.tree("v1-cgroupfs");
        StatsSample s = read("v1-cgroupfs", FixtureTrees.HOST_ID, FixtureTrees.HOST_PID, "kernel-m1");
        Path memory = tree.resolve("cgroup/memory/docker/" + FixtureTrees.HOST_ID);
        assertEquals(Long.parseLong(Files.readString(memory.resolve("memory.usage_in_bytes")).strip()), s.memUsage());
        assertEquals(MEM_TOTAL, s.memLimit(), "docker stats showed 23.54GiB");
        assertEquals(1, s.pids(), "docker stats showed 1");
        assertEquals(0, s.netRx() + s.netTx(), "--network none: only lo, which the engine does not report (0B / 0B)");
        assertEquals(0, s.blkRead() + s.blkWrite(), "docker stats showed 0B / 0B");
        assertEquals(Long.parseLong(Files.readString(tree.resolve("cgroup/cpuacct/docker/" + FixtureTrees.HOST_ID + "/cpuacct.usage")).strip()),
                s.cpuTotal());
    }

    @Test
    void withPrecpuCarriesTheEarlierReading() {
        var source = new CgroupStatsSource(new FakeEngine(ID, "web", PID), FixtureTrees.settings(FixtureTrees.tree("v2-systemd")));
        StatsSample s = source.sample(ID, StatsMode.WITH_PRECPU);
        assertEquals(5_000_000_000L, s.preCpuTotal());
        assertEquals(HOST_CPU_NANOS, s.preSystemCpu());
        assertEquals(0.0, StatsCalculator.cpuPercent(s, null), "files that did not change: 0%");
    }

    @Test
    void aProcessOutsideTheContainersCgroupIsNotTheContainer(@TempDir Path dir) throws IOException {
        Path tree = FixtureTrees.copy("v2-systemd", dir);
        // the PID was reused by a host process after the container stopped, and the engine still says it runs
        Files.writeString(tree.resolve("proc/4242/cgroup"), "0::/user.slice/session-3.scope\n");
        FakeEngine engine = new FakeEngine(ID, "web", PID);
        var source = new CgroupStatsSource(engine, FixtureTrees.settings(tree));
        assertEquals(FakeEngine.ENGINE_MARKER, source.sample("web", StatsMode.ONE_SHOT).pids(), "read through the engine");
        engine.exists = false;
        assertThrows(NotFoundException.class, () -> source.sample("web", StatsMode.ONE_SHOT));
    }

    @Test
    void aHostNetworkContainerHasNoNetworkFigure() {
        FakeEngine engine = new FakeEngine(ID, "web", PID);
        engine.networkMode = "host";
        var source = new CgroupStatsSource(engine, FixtureTrees.settings(FixtureTrees.tree("v2-systemd")));
        StatsSample s = source.sample("web", StatsMode.ONE_SHOT);
        assertEquals(0, s.netRx() + s.netTx(), "the host's interfaces are not the container's");
    }

    @Test
    void aContainersFilesStayOpenBetweenReadingsAndCloseWithTheSource(@TempDir Path dir) throws IOException {
        Path tree = FixtureTrees.copy("v1-cgroupfs", dir);
        var source = new CgroupStatsSource(new FakeEngine(FixtureTrees.HOST_ID, "web", FixtureTrees.HOST_PID), FixtureTrees.settings(tree));
        source.sample("web", StatsMode.ONE_SHOT);
        int open = OpenFds.under(tree);
        assertEquals(9, open, "6 cgroup files (v1; this tree has no CFQ block I/O file), net/dev, /proc/stat, /proc/PID/cgroup");
        Path pids = tree.resolve("cgroup/pids/docker/" + FixtureTrees.HOST_ID + "/pids.current");
        for (int i = 2; i < 6; i++) {
            Files.writeString(pids, i + "\n");
            assertEquals(i, source.sample("web", StatsMode.ONE_SHOT).pids(), "the file's text now, through the kept handle");
            assertEquals(open, OpenFds.under(tree), "no new descriptor per reading");
        }
        source.close();
        assertEquals(0, OpenFds.under(tree));
        assertEquals(5, source.sample("web", StatsMode.ONE_SHOT).pids(), "a reading after close opens and closes its files");
        assertEquals(0, OpenFds.under(tree));
    }
}
