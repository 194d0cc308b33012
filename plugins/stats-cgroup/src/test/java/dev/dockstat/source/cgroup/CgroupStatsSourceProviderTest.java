package dev.dockstat.source.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.source.StatsSourceRegistry;
import dev.dockstat.core.spi.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CgroupStatsSourceProviderTest {

    private final CgroupStatsSourceProvider provider = new CgroupStatsSourceProvider();

    @Test
    void foundByTheRegistryThroughItsServicesFile() {
        assertEquals(java.util.List.of("kernel", "engine"), StatsSourceRegistry.load().names(), "best first");
    }

    @Test
    void onlyALocalEngineWithReadableFiles() {
        Path tree = FixtureTrees.tree("v2-systemd");
        SourceSettings fixture = FixtureTrees.settings(tree);
        assertNull(provider.unsupported(Endpoint.of("unix:///var/run/docker.sock"), fixture));
        assertEquals("the engine is not reached over a local unix socket", provider.unsupported(Endpoint.of("tcp://127.0.0.1:2375"), fixture));
        assertEquals("/nonexistent/cgroup is not readable", provider.unsupported(Endpoint.of("unix:///var/run/docker.sock"),
                new SourceSettings(Duration.ofMillis(200), tree.resolve("proc"), Path.of("/nonexistent/cgroup"))));
        assertEquals("/nonexistent/proc/stat is not readable", provider.unsupported(Endpoint.of("unix:///var/run/docker.sock"),
                new SourceSettings(Duration.ofMillis(200), Path.of("/nonexistent/proc"), tree.resolve("cgroup"))));
    }
}
