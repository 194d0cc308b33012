package dev.dockstat.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsSourceRegistryTest {

    /** A client that never reaches an engine: selection must not need one for these providers. */
    private static DockerClient client(String uri) {
        return new DockerClient(Endpoint.of(uri), new Transport() {
            @Override
            public TransportResponse execute(TransportRequest request) throws IOException {
                throw new IOException("no engine in this test");
            }

            @Override
            public void close() {}
        });
    }

    /** A source that is available only for unix:// engines, as the kernel source is. */
    private static final class LocalOnly implements StatsSourceProvider {
        int checks;

        @Override
        public String name() {
            return "kernel";
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public String unsupported(Endpoint endpoint, SourceSettings settings) {
            checks++;
            return endpoint.scheme().equals("unix") ? null : "not local";
        }

        @Override
        public StatsSource create(DockerClient client, SourceSettings settings) {
            return new StatsSource() {
                @Override
                public String name() {
                    return "kernel";
                }

                @Override
                public StatsSample sample(String idOrName, StatsMode mode) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Duration spacing() {
                    return settings.spacing();
                }
            };
        }
    }

    private final LocalOnly kernel = new LocalOnly();
    private final StatsSourceRegistry registry = new StatsSourceRegistry(List.of(new EngineStatsSourceProvider(), kernel));

    @Test
    void autoTakesTheBestAvailableSource() {
        List<String> debug = new ArrayList<>();
        assertEquals("kernel", registry.select(SourceChoice.AUTO, client("unix:///run/docker.sock"), SourceSettings.DEFAULTS, debug::add).name());
        assertEquals(List.of(), debug, "nothing to say when the best one is taken");
        assertEquals("engine", registry.select(SourceChoice.AUTO, client("tcp://127.0.0.1:2375"), SourceSettings.DEFAULTS, debug::add).name());
        assertEquals(List.of("stats source for tcp://127.0.0.1:2375: engine (kernel source unavailable: not local)"), debug);
    }

    @Test
    void anExplicitChoiceThatCannotWorkSaysWhy() {
        var e = assertThrows(SourceUnavailableException.class,
                () -> registry.select(SourceChoice.KERNEL, client("tcp://127.0.0.1:2375"), SourceSettings.DEFAULTS, line -> {}));
        assertEquals("stats source kernel cannot read tcp://127.0.0.1:2375: not local", e.getMessage());
        assertEquals("engine", registry.select(SourceChoice.ENGINE, client("unix:///run/docker.sock"), SourceSettings.DEFAULTS, l -> {}).name());
    }

    @Test
    void anAttachedSourceIsWhatTheClientsCollectorsRead() {
        DockerClient c = client("unix:///run/docker.sock");
        assertEquals("engine", c.statsSource().name(), "the engine's API until told otherwise");
        StatsSource attached = registry.attach(SourceChoice.AUTO, c, SourceSettings.DEFAULTS, l -> {});
        assertSame(attached, c.statsSource());
    }

    @Test
    void aDeferredChoiceIsMadeAtFirstUse() {
        List<String> warnings = new ArrayList<>();
        StatsSource deferred = registry.deferred(SourceChoice.AUTO, client("unix:///run/docker.sock"), SourceSettings.DEFAULTS, l -> {}, warnings::add);
        assertEquals(0, kernel.checks, "nothing checked while configuring");
        assertEquals("kernel", deferred.name());
        assertEquals(Duration.ofMillis(200), deferred.spacing());
        assertThrows(SourceUnavailableException.class, () -> registry.deferred(SourceChoice.KERNEL, client("tcp://127.0.0.1:2375"),
                SourceSettings.DEFAULTS, l -> {}, warnings::add), "ruled out locally: at once");
        assertTrue(warnings.isEmpty());
    }

    @Test
    void theServicesFileNamesCoresEngineSource() {
        assertEquals(List.of("engine"), StatsSourceRegistry.load().names(), "core alone on the class path");
    }
}
