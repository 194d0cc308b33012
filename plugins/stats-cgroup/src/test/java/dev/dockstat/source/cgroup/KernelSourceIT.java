package dev.dockstat.source.cgroup;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.source.tck.StatsSourceContract;

/** The kernel source (the cgroup files of the test bed's local engine) keeps the stats source contract. */
class KernelSourceIT extends StatsSourceContract {

    @Override
    protected StatsSource source(DockerClient client) {
        return new CgroupStatsSource(client, SourceSettings.DEFAULTS);
    }
}
