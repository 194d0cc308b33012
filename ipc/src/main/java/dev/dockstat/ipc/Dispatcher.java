package dev.dockstat.ipc;

import dev.dockstat.core.engine.WatchSettings;
import dev.dockstat.core.events.EventFollower;
import dev.dockstat.core.spi.TransportConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies inbound messages: starts, replaces and stops environment sessions and carries the
 * worker-wide settings to them. Thread-safe (messages come from the stdin reader, a stop may come
 * from a signal).
 *
 * <p>A {@code configure} identical to the running one keeps that environment as it is: Dockhand
 * re-sends every environment on each settings refresh, and the Go worker's reconnect on each one
 * costs a round and repeats the {@code env_status} notification (docs/serve-ipc.md, "Where it differs").
 */
public final class Dispatcher {

    /** How long a stopping session may take to end its loops before the worker moves on. */
    static final Duration STOP_GRACE = Duration.ofMillis(500);

    private record Running(Inbound.Configure configure, EnvironmentSession session) {}

    private final EnvironmentSession.Factory factory;
    private final Outbox outbox;
    private final Diagnostics diagnostics;
    private final Map<Long, Running> environments = new HashMap<>();
    private WatchSettings settings;
    private boolean stopped;

    public Dispatcher(EnvironmentSession.Factory factory, WatchSettings settings, Outbox outbox, Diagnostics diagnostics) {
        this.factory = factory;
        this.settings = settings;
        this.outbox = outbox;
        this.diagnostics = diagnostics;
    }

    /**
     * Applies one message.
     *
     * @return false when the message asks the worker to stop ({@code shutdown})
     */
    public synchronized boolean handle(Inbound message) {
        if (stopped) {
            return false;
        }
        switch (message) {
            case Inbound.Configure c -> configure(c);
            case Inbound.Remove r -> remove(r.envId());
            case Inbound.SetMetricsInterval s -> setMetricsInterval(s.intervalMs());
            case Inbound.SetEventMode s -> setEventMode(s.mode(), s.pollIntervalMs());
            case Inbound.ContainerMetrics request -> containerMetrics(request);
            case Inbound.Shutdown s -> {
                return false;
            }
            case Inbound.Unknown u -> diagnostics.report("unknown message type: " + (u.type() == null ? "" : u.type()));
        }
        return true;
    }

    private void configure(Inbound.Configure c) {
        Running running = environments.get(c.envId());
        if (running != null && running.configure().equals(c)) {
            return; // unchanged: keep its connections, its round cadence and its status
        }
        if (running != null) {
            stop(c.envId(), running);
        }
        if (c.config() == null || c.edge()) {
            return; // no config = remove; an edge agent connects inward, nothing to poll
        }
        EnvironmentSession session;
        try {
            session = factory.start(c, settings);
        } catch (TransportConfigException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            outbox.send(new Outbound.Error(c.envId(), "configure: " + reason));
            return;
        }
        environments.put(c.envId(), new Running(c, session));
        diagnostics.report("configured env " + c.envId() + " (" + (c.name() == null ? "" : c.name()) + ") type="
                + c.connectionType() + " at " + session.describe());
    }

    private void remove(long envId) {
        Running running = environments.get(envId);
        if (running != null) {
            stop(envId, running);
            diagnostics.report("removed env " + envId);
        }
    }

    private void stop(long envId, Running running) {
        environments.remove(envId);
        running.session().close();
        await(List.of(running.session()));
    }

    private void setMetricsInterval(long ms) {
        if (ms <= 0 || settings.metricsInterval().toMillis() == ms) {
            return;
        }
        apply(settings.withMetricsInterval(Duration.ofMillis(ms)));
        diagnostics.report("metrics interval set to " + ms + "ms");
    }

    private void setEventMode(String mode, long pollMs) {
        EventFollower.Mode m = settings.eventMode();
        if (mode != null && !mode.isEmpty()) {
            if (!mode.equals("poll") && !mode.equals("stream")) {
                diagnostics.report("unknown event mode " + mode + ": streaming");
            }
            m = mode.equals("poll") ? EventFollower.Mode.POLL : EventFollower.Mode.STREAM;
        }
        Duration poll = pollMs > 0 ? Duration.ofMillis(pollMs) : settings.pollInterval();
        if (m == settings.eventMode() && poll.equals(settings.pollInterval())) {
            return;
        }
        apply(settings.withEvents(m, poll));
        diagnostics.report("event mode=" + m.name().toLowerCase(Locale.ROOT) + " pollInterval=" + poll.toMillis() + "ms");
    }

    private void apply(WatchSettings next) {
        settings = next;
        environments.values().forEach(r -> r.session().update(next));
    }

    private void containerMetrics(Inbound.ContainerMetrics request) {
        Running running = environments.get(request.envId());
        if (running == null) {
            outbox.send(new Outbound.Error(request.envId(), "container_metrics: no environment " + request.envId()));
            return;
        }
        running.session().containerMetrics(request);
    }

    /** Environments being watched. */
    public synchronized int size() {
        return environments.size();
    }

    public synchronized WatchSettings settings() {
        return settings;
    }

    /** Stops every environment (all at once, then waits for them together); later messages are ignored. */
    public synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<EnvironmentSession> sessions = new ArrayList<>();
        environments.values().forEach(r -> sessions.add(r.session()));
        environments.clear();
        sessions.forEach(EnvironmentSession::close);
        await(sessions);
    }

    private void await(List<EnvironmentSession> sessions) {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        try {
            for (EnvironmentSession s : sessions) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!s.awaitStopped(left)) {
                    diagnostics.report("env at " + s.describe() + " still stopping after " + STOP_GRACE.toMillis() + " ms");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
