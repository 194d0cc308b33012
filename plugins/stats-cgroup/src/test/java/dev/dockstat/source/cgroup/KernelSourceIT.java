package dev.dockstat.source.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.source.tck.StatsSourceContract;
import dev.dockstat.testbed.TestBed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel source (the cgroup files of the test bed's local engine) keeps the stats source
 * contract; and the files it keeps open between readings are the running process's, one set per
 * container read, closed when the container goes and when the source closes.
 */
class KernelSourceIT extends StatsSourceContract {

    @Override
    protected StatsSource source(DockerClient client) {
        return new CgroupStatsSource(client, SourceSettings.DEFAULTS);
    }

    /** This JVM's descriptors on the cgroup files and on the /proc files of the process {@code pid}. */
    private static List<String> held(long pid) {
        return OpenFds.matching(t -> t.startsWith("/sys/fs/cgroup/") || t.startsWith("/proc/" + pid + "/"));
    }

    private static long pid(String name) {
        return Long.parseLong(TestBed.docker("inspect", "-f", "{{.State.Pid}}", name).strip());
    }

    @Test
    void filesStayOpenBetweenReadingsAndGoWithTheContainerAndTheSource() throws Exception {
        String name = name("fds");
        String id = TestBed.idle(name);
        try (DockerClient client = TestBed.get().socketEnvironment().connect(TransportRegistry.load())) {
            CgroupStatsSource source = new CgroupStatsSource(client, SourceSettings.DEFAULTS);
            long pid = pid(name);
            source.sample(id, StatsMode.ONE_SHOT);
            List<String> first = held(pid);
            assertTrue(first.size() >= 8 && first.size() <= 10, "one container's set: " + first);
            assertTrue(first.stream().allMatch(t -> t.contains(id) || t.startsWith("/proc/" + pid + "/")), first.toString());
            assertEquals(first.size() + 1, source.openFiles(), "and /proc/stat: " + first);
            for (int i = 0; i < 20; i++) {
                source.sample(id, StatsMode.ONE_SHOT);
            }
            assertEquals(first.size(), held(pid).size(), "no new descriptor per reading: " + held(pid));

            // restarted: a new process and a cgroup of the same name made again; the kept handles must not be read
            TestBed.docker("restart", "-t", "0", name);
            long again = pid(name);
            assertNotEquals(pid, again);
            StatsSample s = source.sample(id, StatsMode.ONE_SHOT);
            assertEquals(1, s.pids(), s.toString());
            assertEquals(0, held(pid).stream().filter(t -> t.startsWith("/proc/" + pid + "/")).count(), "the old process's files closed");
            assertEquals(first.size(), held(again).size(), "one set, the new process's: " + held(again));

            TestBed.remove(name);
            assertThrows(NotFoundException.class, () -> source.sample(id, StatsMode.ONE_SHOT));
            assertEquals(List.of(), held(again), "a removed container's files closed");
            assertEquals(0, source.openFiles());

            source.sample(name("idle"), StatsMode.ONE_SHOT);
            assertTrue(source.openFiles() > 0);
            source.close();
            assertEquals(0, source.openFiles());
            assertEquals(List.of(), OpenFds.matching(t -> t.startsWith("/sys/fs/cgroup/")), "nothing open after close");
        } finally {
            TestBed.remove(name);
        }
    }
}
