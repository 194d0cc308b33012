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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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

    /**
     * What the engine said about a container, where its files are, and its files kept open
     * ({@code files} null when it is not running or is read through the engine).
     */
    private record Target(String id, String name, long pid, ContainerCgroup cgroup, boolean hostNetwork, boolean viaEngine,
            OpenFiles files, CgroupCounters.Paths paths, Path procDir, Path procCgroup, Path netDev) {

        Target(String id, String name, long pid) {
            this(id, name, pid, null, false, false, null, null, null, null, null);
        }

        Target throughEngine() {
            return new Target(id, name, pid, cgroup, hostNetwork, true, null, null, null, null, null);
        }
    }

    /** Containers' file sets kept open at most; past it a container's files are opened at each reading. */
    static final int MAX_KEPT = 256;
    /** A set not read for this long is closed: its container stopped, went away or is not watched any more. */
    static final Duration IDLE = Duration.ofMinutes(2);
    private static final long SWEEP_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final EngineSide client;
    private final SourceSettings settings;
    private final Path procStat;
    private final long memTotal;
    /** What the engine said, by the name or ID asked with and by full ID. */
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private static final int MAX_TARGETS = 4096;
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private volatile boolean closed;

    CgroupStatsSource(DockerClient client, SourceSettings settings) {
        this(EngineSide.of(client), settings);
    }

    CgroupStatsSource(EngineSide client, SourceSettings settings) {
        this.client = client;
        this.settings = settings;
        this.procStat = settings.procRoot().resolve("stat");
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
        sweepIdle();
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
            forget(idOrName, target);
            Target again = resolve(idOrName); // NotFoundException when it is gone
            if (again.pid() <= 0) {
                return emptySample(again);
            }
            if (again.viaEngine()) {
                return client.stats(idOrName, mode);
            }
            try {
                return read(again).sample(again, null);
            } catch (IOException second) {
                forget(idOrName, again);
                if (again.pid() == target.pid()) {
                    // the same process, with fresh handles, and its files missing or in a form this source does not know
                    Target via = again.throughEngine();
                    targets.put(idOrName, via);
                    targets.put(via.id(), via);
                    return client.stats(idOrName, mode);
                }
                throw new NotFoundException("No such container: " + idOrName + " (it stopped while its stats were read)");
            }
        }
    }

    /** Drops a target under both its keys and closes its files. */
    private void forget(String idOrName, Target target) {
        targets.remove(idOrName, target);
        targets.remove(target.id(), target);
        release(target);
    }

    /** Closes a target's files (again: harmless), counting the kept sets. */
    private void release(Target target) {
        if (target.files() != null && target.files().release()) {
            kept.decrementAndGet();
        }
    }

    /** Inspects the container and locates its cgroup; an unreadable one is read through the engine. */
    private Target resolve(String idOrName) {
        ContainerState state = client.inspect(idOrName); // NotFoundException when it is gone
        if (!state.running() || state.pid() <= 0) {
            return new Target(state.id(), state.name(), 0); // not cached: it may start
        }
        Target known = targets.get(state.id());
        if (known != null && known.pid() == state.pid()) { // asked by another name: the same files
            targets.put(idOrName, known);
            return known;
        }
        Path procDir = settings.procRoot().resolve(Long.toString(state.pid()));
        Path procCgroup = procDir.resolve("cgroup");
        boolean keep = !closed && kept.get() < MAX_KEPT;
        OpenFiles files = keep ? OpenFiles.kept() : OpenFiles.transientFiles();
        Target target;
        files.lock();
        try {
            ContainerCgroup cgroup = ContainerCgroup.locate(files.read(procCgroup), settings.cgroupRoot(), state.id());
            target = new Target(state.id(), state.name(), state.pid(), cgroup, "host".equals(state.networkMode()), false,
                    files, CgroupCounters.Paths.of(cgroup), procDir, procCgroup, procDir.resolve("net/dev"));
            if (keep) {
                kept.incrementAndGet();
            }
        } catch (IOException e) {
            files.close();
            target = new Target(state.id(), state.name(), state.pid()).throughEngine();
        } finally {
            files.unlock();
        }
        if (targets.size() >= MAX_TARGETS) {
            closeAll(); // containers that went away are never read again: start over rather than grow
        }
        Target before = targets.put(idOrName, target);
        Target byId = targets.put(state.id(), target); // the second reading of a --no-stream pair asks by full ID
        // two threads resolved the same container at once: the set replaced is closed unless still in use under another key
        for (Target old : new Target[] {before, byId}) {
            if (old != null && old != target && !targets.containsValue(old)) {
                release(old);
            }
        }
        return target;
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
        OpenFiles files = t.files();
        files.lock();
        try {
            long now = unixNanos();
            // host CPU time read right after the cgroup's, as the engine does, so both counters span the same interval
            CgroupCounters counters = CgroupCounters.read(t.paths(), files);
            HostCpu host = HostCpu.read(files, procStat);
            NetDev net = t.hostNetwork() ? NetDev.NONE : NetDev.read(files, t.netDev());
            // after net/dev, whose handle would keep reading the namespace of a process that is gone
            files.alive(t.procCgroup(), t.id(), t.procDir(), t.cgroup().cpu());
            long limit = memTotal > 0 && counters.memLimit() > memTotal ? memTotal : counters.memLimit();
            if (limit != counters.memLimit()) {
                counters = new CgroupCounters(counters.cpuTotal(), counters.memUsage(), limit, counters.inactiveFile(),
                        counters.totalInactiveFile(), counters.blkRead(), counters.blkWrite(), counters.pids());
            }
            return new Reading(now, counters, net, host);
        } finally {
            files.unlock();
        }
    }

    /** Unix time in nanoseconds. */
    private static long unixNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Closes the file sets no reading used for {@link #IDLE}; at most every few seconds, by whichever reading comes. */
    private void sweepIdle() {
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        long idle = IDLE.toNanos();
        for (var e : targets.entrySet()) {
            Target t = e.getValue();
            if (t.files() != null && now - t.files().lastUsedNanos() > idle) {
                forget(e.getKey(), t);
            }
        }
    }

    /** How many files this source holds open (tests). */
    int openFiles() {
        return targets.values().stream().distinct().filter(t -> t.files() != null).mapToInt(t -> t.files().openCount()).sum();
    }

    private void closeAll() {
        for (var e : targets.entrySet()) {
            if (targets.remove(e.getKey(), e.getValue())) {
                release(e.getValue());
            }
        }
    }

    /** Closes every container's files; a reading after this opens and closes its files each time. */
    @Override
    public void close() {
        closed = true;
        closeAll();
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
