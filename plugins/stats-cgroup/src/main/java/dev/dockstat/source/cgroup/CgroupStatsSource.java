package dev.dockstat.source.cgroup;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.model.ContainerState;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.api.StatsSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters from the kernel on the engine's own host: the engine still names the container and
 * gives the PID of its main process ({@code inspect}, once per container and start); the counters
 * come from its cgroup's files, its network namespace's {@code /proc/PID/net/dev} and the host's
 * {@code /proc/stat}, read when asked, not at the engine's next 1 s collection tick.
 *
 * <p>A container that stops between two readings has no reading ({@link NotFoundException}, as the
 * engine answers then); one that is not running gets the engine's empty sample. A container whose
 * files cannot be read although it runs (another PID namespace, a controller that is not mounted,
 * no permission) is read through the engine's API instead, so a figure is never missing because of
 * the source.
 */
final class CgroupStatsSource implements StatsSource {

    /** What the engine said about a container, and where its files are. */
    private record Target(String id, String name, long pid, ContainerCgroup cgroup, boolean hostNetwork, boolean viaEngine) {}

    private final EngineSide client;
    private final SourceSettings settings;
    private final long memTotal;
    /** What the engine said, by the name or ID asked with and by full ID. */
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private static final int MAX_TARGETS = 4096;

    CgroupStatsSource(DockerClient client, SourceSettings settings) {
        this(EngineSide.of(client), settings);
    }

    CgroupStatsSource(EngineSide client, SourceSettings settings) {
        this.client = client;
        this.settings = settings;
        this.memTotal = memTotal(settings.procRoot());
    }

    @Override
    public String name() {
        return CgroupStatsSourceProvider.NAME;
    }

    @Override
    public Duration spacing() {
        return settings.spacing();
    }

    @Override
    public StatsSample sample(String idOrName, StatsMode mode) {
        Target target = targets.get(idOrName);
        if (target == null) {
            target = resolve(idOrName);
        }
        if (target.viaEngine()) {
            return client.stats(idOrName, mode);
        }
        if (target.pid() <= 0) {
            return emptySample(target);
        }
        try {
            if (mode == StatsMode.WITH_PRECPU) {
                Reading before = read(target);
                Thread.sleep(settings.spacing());
                return read(target).sample(target, before);
            }
            return read(target).sample(target, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("stats " + idOrName + ": interrupted");
        } catch (IOException first) {
            // stopped, restarted (a new PID and cgroup), or files this source cannot use: ask the engine again
            targets.remove(idOrName, target);
            targets.remove(target.id(), target);
            Target again = resolve(idOrName); // NotFoundException when it is gone
            if (again.pid() <= 0) {
                return emptySample(again);
            }
            if (!again.viaEngine() && again.pid() == target.pid()) {
                // the same process, and its files missing or in a form this source does not know
                again = viaEngine(again);
                targets.put(idOrName, again);
                targets.put(again.id(), again);
            }
            if (again.viaEngine()) {
                return client.stats(idOrName, mode);
            }
            try {
                return read(again).sample(again, null);
            } catch (IOException second) {
                targets.remove(idOrName, again);
                targets.remove(again.id(), again);
                throw new NotFoundException("No such container: " + idOrName + " (it stopped while its stats were read)");
            }
        }
    }

    /** Inspects the container and locates its cgroup; an unreadable one is read through the engine. */
    private Target resolve(String idOrName) {
        ContainerState state = client.inspect(idOrName); // NotFoundException when it is gone
        Target target;
        if (!state.running() || state.pid() <= 0) {
            target = new Target(state.id(), state.name(), 0, null, false, false); // not cached: it may start
            return target;
        }
        Path proc = settings.procRoot().resolve(Long.toString(state.pid()));
        try {
            ContainerCgroup cgroup = ContainerCgroup.locate(KernelFiles.read(proc.resolve("cgroup")), settings.cgroupRoot(), state.id());
            target = new Target(state.id(), state.name(), state.pid(), cgroup, "host".equals(state.networkMode()), false);
        } catch (IOException e) {
            target = viaEngine(new Target(state.id(), state.name(), state.pid(), null, false, false));
        }
        if (targets.size() >= MAX_TARGETS) {
            targets.clear(); // containers that went away are never read again: start over rather than grow
        }
        targets.put(idOrName, target);
        targets.put(state.id(), target); // the second reading of a --no-stream pair asks by full ID
        return target;
    }

    private static Target viaEngine(Target t) {
        return new Target(t.id(), t.name(), t.pid(), t.cgroup(), t.hostNetwork(), true);
    }

    /** The counters of one moment: the container's cgroup, its network, the host's CPU time. */
    private record Reading(long readNanos, CgroupCounters counters, NetDev net, HostCpu host) {

        StatsSample sample(Target t, Reading before) {
            CgroupCounters c = counters;
            return new StatsSample(t.id(), "/" + t.name(), readNanos,
                    c.cpuTotal(), host.nanos(), host.cpus(),
                    before != null ? before.counters.cpuTotal() : StatsSample.ABSENT,
                    before != null ? before.host.nanos() : StatsSample.ABSENT,
                    c.memUsage(), c.memLimit(), c.inactiveFile(), c.totalInactiveFile(),
                    net.rx(), net.tx(), c.blkRead(), c.blkWrite(), c.pids());
        }
    }

    private Reading read(Target t) throws IOException {
        Instant now = Instant.now();
        // host CPU time read right after the cgroup's, as the engine does, so both counters span the same interval
        CgroupCounters counters = CgroupCounters.read(t.cgroup());
        HostCpu host = HostCpu.read(settings.procRoot().resolve("stat"));
        NetDev net = t.hostNetwork() ? NetDev.NONE : NetDev.read(settings.procRoot().resolve(Long.toString(t.pid())).resolve("net/dev"));
        long limit = memTotal > 0 && counters.memLimit() > memTotal ? memTotal : counters.memLimit();
        if (limit != counters.memLimit()) {
            counters = new CgroupCounters(counters.cpuTotal(), counters.memUsage(), limit, counters.inactiveFile(),
                    counters.totalInactiveFile(), counters.blkRead(), counters.blkWrite(), counters.pids());
        }
        return new Reading(now.getEpochSecond() * 1_000_000_000L + now.getNano(), counters, net, host);
    }

    private static StatsSample emptySample(Target t) {
        return new StatsSample(t.id(), "/" + t.name(), 0, 0, 0, 0, StatsSample.ABSENT, StatsSample.ABSENT,
                0, 0, StatsSample.ABSENT, StatsSample.ABSENT, 0, 0, 0, 0, 0);
    }

    /**
     * The host's memory ({@code MemTotal} of {@code /proc/meminfo}, in bytes): the engine shows it
     * as the limit of a container without one (whose cgroup says "no limit" with a huge number).
     */
    static long memTotal(Path procRoot) {
        Path file = procRoot.resolve("meminfo");
        try {
            String text = KernelFiles.read(file);
            long kb = KernelFiles.keyed(text.replace(":", "").replace(" kB", ""), "MemTotal", 0, file);
            return kb * 1024;
        } catch (IOException e) {
            return 0;
        }
    }
}
