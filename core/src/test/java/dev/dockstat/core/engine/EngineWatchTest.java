package dev.dockstat.core.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.loop.StartSlots;
import dev.dockstat.core.events.EngineEvent;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.stats.HostMetrics;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.transport.HttpClientTransport;
import dev.dockstat.testbed.FakeDockerEngine;
import dev.dockstat.testbed.FakeDockerEngine.Behaviour;
import dev.dockstat.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A watch against a fake engine: what its connections look like between two metrics rounds. */
class EngineWatchTest {

    /** Records what the watch reports; the fake has no /info, so a round ends with a diagnostic. */
    private static final class Heard implements EngineWatch.Listener {
        final List<String> diagnostics = new CopyOnWriteArrayList<>();
        /** When a disk check ended: the fake has no /system/df, so each one ends in a diagnostic. */
        volatile long diskCheckedNanos;

        @Override public void status(boolean online, String error) { }
        @Override public void metrics(HostMetrics host, Round round) { }
        @Override public void event(EngineEvent event) { }
        @Override public void diskUsage(byte[] df, byte[] info) { }
        @Override public void error(String message) { }
        @Override public void diagnostic(String message) {
            if (message.startsWith("disk usage skipped") && diskCheckedNanos == 0) {
                diskCheckedNanos = System.nanoTime();
            }
            diagnostics.add(message);
        }
    }

    private static int fanout(HttpClientTransport transport) {
        return transport.openConnections(TransportRequest.Pool.FANOUT);
    }

    @Test
    void betweenRoundsOfALongIntervalNoStatsConnectionStaysOpen() throws Exception {
        try (FakeDockerEngine fake = FakeDockerEngine.start()) {
            for (int i = 0; i < 8; i++) {
                fake.container("c0ffee0" + i, "web" + i, Behaviour.NORMAL);
            }
            HttpClientTransport transport = fake.transport();
            Heard heard = new Heard();
            WatchSettings settings = WatchSettings.DEFAULTS.withDisk(false, Duration.ZERO, Duration.ofMinutes(5));
            try (EngineWatch watch = new EngineWatch(new DockerClient(Endpoint.of(fake.uri()), transport), settings, heard).start()) {
                TestBed.await("a round", Duration.ofSeconds(10),
                        () -> heard.diagnostics.stream().anyMatch(d -> d.startsWith("metrics round without host figures")));
                // the 8 stats requests of the round ran in flight together, each on a connection of
                // its own; the next round is 30 s away, so none of them stays open until then
                assertTrue(fanout(transport) == 8 || fanout(transport) == 0, "the round's connections: " + fanout(transport));
                TestBed.await("the stats connections closed", Duration.ofSeconds(2), () -> fanout(transport) == 0);
            }
        }
    }

    @Test
    void environmentsStartedTogetherCheckTheirDisksASlotApart() throws Exception {
        try (FakeDockerEngine fake = FakeDockerEngine.start()) {
            fake.container("c0ffee01", "web", Behaviour.NORMAL);
            // a second's delay: the first requests of the JVM (class loading) happen in the rounds before
            // rounds 1 s apart: the second environment's phase is half of that
            WatchSettings settings = WatchSettings.DEFAULTS.withDisk(true, Duration.ofSeconds(1), Duration.ofMinutes(5))
                    .withMetricsInterval(Duration.ofSeconds(1));
            StartSlots slots = new StartSlots();
            Heard first = new Heard();
            Heard second = new Heard();
            try (EngineWatch a = new EngineWatch(new DockerClient(Endpoint.of(fake.uri()), fake.transport()), settings, first, slots);
                    EngineWatch b = new EngineWatch(new DockerClient(Endpoint.of(fake.uri()), fake.transport()), settings, second, slots)) {
                a.start();
                b.start();
                TestBed.await("both disk checks", Duration.ofSeconds(10), () -> first.diskCheckedNanos != 0 && second.diskCheckedNanos != 0);
                long apart = Duration.ofNanos(second.diskCheckedNanos - first.diskCheckedNanos).toMillis();
                // both would check at once (a few ms apart) if the disk loop ignored the start slot
                assertTrue(apart >= 400, "the second environment's disk check came " + apart + " ms after the first's");
            }
        }
    }
}
