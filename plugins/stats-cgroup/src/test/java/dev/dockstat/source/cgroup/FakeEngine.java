package dev.dockstat.source.cgroup;

import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.model.ContainerState;
import dev.dockstat.core.model.StatsSample;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's side for fixture trees, where no engine runs: one container with a PID, which a
 * test may stop or remove; its own stats answer is a marker sample, so a test sees that the kernel
 * source fell back to the engine.
 */
final class FakeEngine implements EngineSide {

    static final long ENGINE_MARKER = 777;

    final String id;
    final String name;
    volatile long pid;
    volatile boolean exists = true;
    volatile String networkMode = "none";
    final AtomicInteger statsCalls = new AtomicInteger();

    FakeEngine(String id, String name, long pid) {
        this.id = id;
        this.name = name;
        this.pid = pid;
    }

    @Override
    public ContainerState inspect(String idOrName) {
        if (!exists || !(idOrName.equals(name) || id.startsWith(idOrName))) {
            throw new NotFoundException("No such container: " + idOrName);
        }
        return new ContainerState(id, name, pid > 0, "", pid, networkMode);
    }

    @Override
    public StatsSample stats(String idOrName, StatsMode mode) {
        inspect(idOrName);
        statsCalls.incrementAndGet();
        return new StatsSample(id, "/" + name, 1, 0, 1, 1, StatsSample.ABSENT, StatsSample.ABSENT,
                0, 0, StatsSample.ABSENT, StatsSample.ABSENT, 0, 0, 0, 0, ENGINE_MARKER);
    }
}
