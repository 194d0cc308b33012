package dev.dockstat.source.cgroup;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.model.ContainerState;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.source.StatsSourceProvider;
import dev.dockstat.core.spi.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code kernel} stats source: available when the engine is reached over a unix socket (so it
 * runs on this host, or on the host whose {@code /proc} is mounted where {@code DOCKSTAT_PROC}
 * says) and the cgroup and proc files can be read; checked on a running container when there is
 * one, so a socket forwarded from another host or another PID namespace is refused.
 */
public final class CgroupStatsSourceProvider implements StatsSourceProvider {

    public static final String NAME = "kernel";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String unsupported(Endpoint endpoint, SourceSettings settings) {
        if (!endpoint.scheme().equals("unix")) {
            return "the engine is not reached over a local unix socket";
        }
        Path root = settings.cgroupRoot();
        if (!Files.isDirectory(root) || !Files.isReadable(root)) {
            return root + " is not readable";
        }
        Path stat = settings.procRoot().resolve("stat");
        if (!Files.isReadable(stat)) {
            return stat + " is not readable";
        }
        return null;
    }

    @Override
    public String unavailable(DockerClient client, SourceSettings settings) {
        String why = unsupported(client.endpoint(), settings);
        return why != null ? why : probe(client, settings);
    }

    /** Reads one running container's counters the way the source will, when one runs. */
    private static String probe(DockerClient client, SourceSettings settings) {
        try {
            List<ContainerSummary> running = client.containers(false);
            for (ContainerSummary c : running) {
                ContainerState state = client.inspect(c.id());
                if (!state.running() || state.pid() <= 0) {
                    continue; // stopped since the list
                }
                Path proc = settings.procRoot().resolve(Long.toString(state.pid()));
                try {
                    ContainerCgroup cg = ContainerCgroup.locate(KernelFiles.read(proc.resolve("cgroup")), settings.cgroupRoot(), state.id());
                    CgroupCounters.read(cg, OpenFiles.transientFiles());
                    return null;
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // it stopped meanwhile: try the next
                } catch (IOException e) {
                    return "the files of container " + c.name() + " (PID " + state.pid() + ") cannot be read: " + e.getMessage();
                }
            }
            return null;
        } catch (DockerException e) {
            return null; // the engine is away: that is the engine's failure to report, not the source's
        }
    }

    @Override
    public StatsSource create(DockerClient client, SourceSettings settings) {
        return new CgroupStatsSource(client, settings);
    }
}
