package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.engine.WatchSettings;
import dev.dockstat.core.events.EventFollower;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TransportConfigException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatcher's lifecycle rules, with recording sessions in place of engines. */
class DispatcherTest {

    final List<String> log = new ArrayList<>();
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final List<String> stderr = new ArrayList<>();
    final Outbox outbox = new Outbox(stdout, stderr::add);

    final class Recording implements EnvironmentSession {
        final long id;
        WatchSettings settings;

        Recording(long id, WatchSettings settings) {
            this.id = id;
            this.settings = settings;
            log.add("start " + id);
        }

        @Override public String describe() { return "fake://" + id; }
        @Override public void update(WatchSettings s) { settings = s; log.add("update " + id); }
        @Override public void containerMetrics(Inbound.ContainerMetrics r) { log.add("history " + id + " " + r.container()); }
        @Override public void close() { log.add("close " + id); }
        @Override public boolean awaitStopped(Duration timeout) { log.add("stopped " + id); return true; }
    }

    final List<Recording> sessions = new ArrayList<>();
    final Dispatcher dispatcher = new Dispatcher((c, s) -> {
        if ("broken".equals(c.config().type())) {
            throw new TransportConfigException("no transport for broken://");
        }
        Recording r = new Recording(c.envId(), s);
        sessions.add(r);
        return r;
    }, WatchSettings.DEFAULTS, outbox, stderr::add);

    static Inbound.Configure socket(long id, String path) {
        return new Inbound.Configure(id, "env" + id, "socket", null, new EnvConfig("socket", path, null, 0, null, null, null, false));
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIdenticalConfigureKeepsTheRunningEnvironment() {
        dispatcher.handle(socket(1, "/a.sock"));
        dispatcher.handle(socket(1, "/a.sock"));
        dispatcher.handle(socket(1, "/a.sock"));
        assertEquals(List.of("start 1"), log);
    }

    @Test
    void aChangedConfigureStopsTheOldOneBeforeStartingTheNew() {
        dispatcher.handle(socket(1, "/a.sock"));
        dispatcher.handle(socket(1, "/b.sock"));
        assertEquals(List.of("start 1", "close 1", "stopped 1", "start 1"), log);
        assertEquals(1, dispatcher.size());
    }

    @Test
    void aChangedTokenCountsAsAChange() {
        var plain = socket(1, "/a.sock");
        dispatcher.handle(plain);
        dispatcher.handle(new Inbound.Configure(1, plain.name(), plain.connectionType(), Secret.of("t1", "test"), plain.config()));
        dispatcher.handle(new Inbound.Configure(1, plain.name(), plain.connectionType(), Secret.of("t1", "test"), plain.config()));
        assertEquals(List.of("start 1", "close 1", "stopped 1", "start 1"), log);
    }

    @Test
    void removeStopsAndForgets() {
        dispatcher.handle(socket(1, "/a.sock"));
        dispatcher.handle(socket(2, "/b.sock"));
        dispatcher.handle(new Inbound.Remove(1));
        dispatcher.handle(new Inbound.Remove(1));
        dispatcher.handle(new Inbound.Remove(9));
        assertEquals(List.of("start 1", "start 2", "close 1", "stopped 1"), log);
        assertEquals(1, dispatcher.size());
    }

    @Test
    void aConfigureWithoutConfigRemoves() {
        dispatcher.handle(socket(1, "/a.sock"));
        dispatcher.handle(new Inbound.Configure(1, "env1", "socket", null, null));
        assertEquals(List.of("start 1", "close 1", "stopped 1"), log);
        assertEquals(0, dispatcher.size());
    }

    @Test
    void hawserEdgeIsIgnoredButStillReplacesWhatRanUnderThatId() {
        var edge = new Inbound.Configure(3, "edge", "hawser-edge", Secret.of("tok", "test"),
                new EnvConfig("https", null, "agent", 2376, null, null, null, false));
        dispatcher.handle(edge);
        assertEquals(List.of(), log);
        dispatcher.handle(socket(3, "/a.sock"));
        dispatcher.handle(edge);
        assertEquals(List.of("start 3", "close 3", "stopped 3"), log);
        assertEquals("", out());
    }

    @Test
    void aConfigurationThatCannotWorkIsAnErrorMessage() {
        dispatcher.handle(new Inbound.Configure(5, "x", "direct", null, new EnvConfig("broken", null, "h", 1, null, null, null, false)));
        assertEquals("{\"type\":\"error\",\"envId\":5,\"error\":\"configure: no transport for broken://\"}\n", out());
        assertEquals(0, dispatcher.size());
    }

    @Test
    void settingsReachRunningAndNewEnvironmentsOnlyWhenTheyChange() {
        dispatcher.handle(socket(1, "/a.sock"));
        dispatcher.handle(new Inbound.SetMetricsInterval(5000));
        dispatcher.handle(new Inbound.SetMetricsInterval(5000));
        dispatcher.handle(new Inbound.SetMetricsInterval(0));
        dispatcher.handle(new Inbound.SetEventMode("poll", 1500));
        dispatcher.handle(new Inbound.SetEventMode("", 0));
        dispatcher.handle(socket(2, "/b.sock"));
        assertEquals(List.of("start 1", "update 1", "update 1", "start 2"), log);
        WatchSettings s = sessions.get(1).settings;
        assertEquals(Duration.ofMillis(5000), s.metricsInterval());
        assertEquals(EventFollower.Mode.POLL, s.eventMode());
        assertEquals(Duration.ofMillis(1500), s.pollInterval());
        assertEquals(s, sessions.get(0).settings);
    }

    @Test
    void historyRequestsGoToTheirEnvironment() {
        dispatcher.handle(socket(1, "/a.sock"));
        dispatcher.handle(new Inbound.ContainerMetrics(1, "web", 0));
        dispatcher.handle(new Inbound.ContainerMetrics(2, "web", 0));
        assertEquals(List.of("start 1", "history 1 web"), log);
        assertEquals("{\"type\":\"error\",\"envId\":2,\"error\":\"container_metrics: no environment 2\"}\n", out());
    }

    @Test
    void unknownTypesAreReportedOnStderrAndServingGoesOn() {
        assertTrue(dispatcher.handle(new Inbound.Unknown("frobnicate")));
        assertEquals(List.of("unknown message type: frobnicate"), stderr);
    }

    @Test
    void shutdownAndStopAllEndServing() {
        dispatcher.handle(socket(1, "/a.sock"));
        dispatcher.handle(socket(2, "/b.sock"));
        assertFalse(dispatcher.handle(new Inbound.Shutdown()));
        dispatcher.stopAll();
        assertEquals(List.of("start 1", "start 2"), log.subList(0, 2));
        assertEquals(java.util.Set.of("close 1", "close 2"), java.util.Set.copyOf(log.subList(2, 4)), "all close before any wait");
        assertEquals(java.util.Set.of("stopped 1", "stopped 2"), java.util.Set.copyOf(log.subList(4, 6)));
        assertFalse(dispatcher.handle(socket(3, "/c.sock")), "nothing starts after a stop");
        assertEquals(0, dispatcher.size());
    }
}
