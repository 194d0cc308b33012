package dev.dockstat.source.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCalculator;
import dev.dockstat.core.stats.StatsCollector;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every stats source must do against the real engine of the test bed (scripts/testbed up):
 * a source's *IT extends this with one factory method. The same checks hold for the engine's API
 * and the kernel's files, so the calculator, renderers and encoders downstream cannot tell which
 * source read a container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StatsSourceContract {

    /** The source under test, reading the engine {@code client} talks to. */
    protected abstract StatsSource source(DockerClient client);

    private DockerClient client;
    private StatsSource source;
    private String idleId;
    private String limitedId;

    /** Container names carry the implementation's name, so two contract runs never share one. */
    protected String name(String suffix) {
        return "dst-sc-" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-" + suffix;
    }

    @BeforeAll
    void containers() {
        idleId = TestBed.idle(name("idle"));
        limitedId = TestBed.run(name("limited"), "-m", "64m", TestBed.IMAGE, "sleep", "100000");
    }

    @AfterAll
    void removeContainers() {
        TestBed.remove(name("idle"), name("limited"), name("stopped"), name("gone"));
    }

    @BeforeEach
    void open() throws Exception {
        client = TestBed.get().socketEnvironment().connect(TransportRegistry.load());
        source = source(client);
        client.useStatsSource(source);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRunningContainerHasEveryCounter() {
        StatsSample s = source.sample(idleId, StatsMode.ONE_SHOT);
        assertEquals(idleId, s.id());
        assertEquals(name("idle"), s.displayName());
        assertFalse(s.empty());
        assertTrue(s.readNanos() > 1_600_000_000L * 1_000_000_000L, "read time in unix nanoseconds: " + s.readNanos());
        assertTrue(s.cpuTotal() >= 0 && s.systemCpu() > 0 && s.onlineCpus() > 0, s.toString());
        assertTrue(s.memUsage() > 0 && s.memLimit() > 0, s.toString());
        assertTrue(s.totalInactiveFile() >= 0 || s.inactiveFile() >= 0, "an inactive-file counter: " + s);
        assertEquals(1, s.pids(), "sleep is one process");
        assertEquals(0, s.netRx() + s.netTx(), "--network none: no interface the engine reports");
        assertFalse(s.hasPreCpu(), "a one-shot reading carries no previous one");
    }

    @Test
    void nameAndIdPrefixFindTheSameContainer() {
        assertEquals(idleId, source.sample(name("idle"), StatsMode.ONE_SHOT).id());
        assertEquals(idleId, source.sample(idleId.substring(0, 12), StatsMode.ONE_SHOT).id());
    }

    @Test
    void withPrecpuOneReadingHasACpuFigure() {
        StatsSample s = source.sample(idleId, StatsMode.WITH_PRECPU);
        assertTrue(s.hasPreCpu(), s.toString());
        double cpu = StatsCalculator.cpuPercent(s, null);
        assertTrue(cpu >= 0 && cpu < 5, "an idle container: " + cpu);
    }

    @Test
    void theMemoryLimitIsTheContainersOrTheHosts() {
        assertEquals(64L << 20, source.sample(limitedId, StatsMode.ONE_SHOT).memLimit());
        assertEquals(client.info().memTotal(), source.sample(idleId, StatsMode.ONE_SHOT).memLimit(),
                "no limit: the host's memory, as the engine reports it");
    }

    @Test
    void countersOnlyGoForward() throws Exception {
        StatsSample a = source.sample(idleId, StatsMode.ONE_SHOT);
        Thread.sleep(source.spacing().toMillis() + 10);
        StatsSample b = source.sample(idleId, StatsMode.ONE_SHOT);
        assertTrue(b.readNanos() > a.readNanos() && b.systemCpu() > a.systemCpu() && b.cpuTotal() >= a.cpuTotal(), a + " then " + b);
    }

    @Test
    void aStoppedContainerHasAnEmptySample() {
        TestBed.run(name("stopped"), TestBed.IMAGE, "true");
        TestBed.await("the container to exit", java.time.Duration.ofSeconds(30),
                () -> TestBed.docker("inspect", "-f", "{{.State.Running}}", name("stopped")).strip().equals("false"));
        StatsSample s = source.sample(name("stopped"), StatsMode.ONE_SHOT);
        assertTrue(s.empty(), s.toString());
        assertEquals(name("stopped"), s.displayName());
    }

    @Test
    void anUnknownContainerIsNotFound() {
        assertThrows(NotFoundException.class, () -> source.sample("dst-sc-no-such-container", StatsMode.ONE_SHOT));
    }

    @Test
    void aContainerRemovedBetweenReadingsHasNoReading() {
        String id = TestBed.idle(name("gone"));
        source.sample(id, StatsMode.ONE_SHOT);
        TestBed.remove(name("gone"));
        assertThrows(NotFoundException.class, () -> source.sample(id, StatsMode.ONE_SHOT));
    }

    @Test
    void aCollectorRoundReadsThroughTheClientsSource() {
        try (StatsCollector collector = new StatsCollector(client)) {
            Round first = collector.collect(c -> c.id().equals(idleId));
            Round second = collector.collect(c -> c.id().equals(idleId));
            assertTrue(first.failures().isEmpty() && second.failures().isEmpty(), first.failures() + " " + second.failures());
            ContainerStats s = second.stats().get(0);
            assertTrue(s.hasCpu() && s.cpuPercent() < 5, "an idle container's CPU: " + s.cpuPercent());
        }
    }
}
