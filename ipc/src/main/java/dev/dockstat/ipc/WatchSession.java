package dev.dockstat.ipc;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.engine.EngineWatch;
import dev.dockstat.core.engine.WatchSettings;
import dev.dockstat.core.events.EngineEvent;
import dev.dockstat.core.history.HistoryBatch;
import dev.dockstat.core.loop.StartSlots;
import dev.dockstat.core.stats.ContainerHistories;
import dev.dockstat.core.stats.HostMetrics;
import dev.dockstat.core.stats.Round;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An environment watched by a core {@link EngineWatch}, its reports turned into wire messages.
 * Every message passes a gate that {@link #close()} shuts, so a round or event still in flight when
 * the environment is removed or replaced is never written after.
 */
final class WatchSession implements EnvironmentSession {

    private final long envId;
    private final String name;
    private final Outbox outbox;
    private final Diagnostics diagnostics;
    private final boolean verbose;
    private final EngineWatch watch;
    private final ReentrantLock gate = new ReentrantLock();
    private boolean open = true;
    private volatile boolean closed;
    /** Per-container history pollers, started by the first history request. */
    private ContainerHistories histories;
    private final ReentrantLock historyLock = new ReentrantLock();
    private final HistoryBatch batch = new HistoryBatch();

    /** @param slots the worker's, shared by all its environments (metrics rounds spread out) */
    WatchSession(long envId, String name, DockerClient client, WatchSettings settings, Outbox outbox,
            Diagnostics diagnostics, boolean verbose, StartSlots slots) {
        this.envId = envId;
        this.name = name;
        this.outbox = outbox;
        this.diagnostics = diagnostics;
        this.verbose = verbose;
        this.watch = new EngineWatch(client, settings, new Reports(), slots); // reports start with start()
    }

    WatchSession start() {
        watch.start();
        return this;
    }

    @Override
    public String describe() {
        return watch.client().endpoint().display();
    }

    @Override
    public void update(WatchSettings settings) {
        watch.update(settings);
    }

    @Override
    public void containerMetrics(Inbound.ContainerMetrics request) {
        Thread.ofVirtual().name("dockstat-history-request").start(() -> answer(request));
    }

    private void answer(Inbound.ContainerMetrics request) {
        if (request.container() == null || request.container().isEmpty()) {
            send(new Outbound.Error(envId, "container_metrics: no container given"));
            return;
        }
        historyLock.lock();
        try {
            if (closed) {
                return;
            }
            if (histories == null) {
                histories = new ContainerHistories(watch.client());
            }
            ContainerHistories.Read read = histories.read(request.container(), request.from(), batch);
            send(new Outbound.ContainerMetrics(envId, read.containerId(), read.points(), read.running()));
        } catch (DockerException e) {
            send(new Outbound.Error(envId, "container_metrics: " + e.getMessage()));
        } finally {
            historyLock.unlock();
        }
    }

    private void send(Outbound message) {
        gate.lock();
        try {
            if (open) {
                outbox.send(message);
            }
        } finally {
            gate.unlock();
        }
    }

    @Override
    public void close() {
        gate.lock();
        try {
            open = false;
        } finally {
            gate.unlock();
        }
        closed = true;
        watch.close();
        historyLock.lock();
        try {
            if (histories != null) {
                histories.close();
            }
        } finally {
            historyLock.unlock();
        }
    }

    @Override
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return watch.awaitStopped(timeout);
    }

    private String label() {
        return name == null || name.isEmpty() ? "env " + envId : "env " + envId + " (" + name + ")";
    }

    /** The watch's reports as wire messages. */
    private final class Reports implements EngineWatch.Listener {
        @Override
        public void status(boolean online, String error) {
            send(new Outbound.EnvStatus(envId, online, online ? null : error));
        }

        @Override
        public void metrics(HostMetrics host, Round round) {
            if (verbose) {
                diagnostics.report(label() + ": round of " + round.stats().size() + " containers took "
                        + round.took().toMillis() + " ms");
            }
            send(new Outbound.Metrics(envId, host));
        }

        @Override
        public void event(EngineEvent event) {
            try {
                send(new Outbound.ContainerEvent(envId, RawJson.of(event.raw())));
            } catch (RawJson.InvalidJsonException e) {
                diagnostics.report(label() + ": skipped an event that is " + e.getMessage());
            }
        }

        @Override
        public void diskUsage(byte[] df, byte[] info) {
            RawJson data;
            try {
                data = RawJson.of(df);
            } catch (RawJson.InvalidJsonException e) {
                diagnostics.report(label() + ": disk usage skipped, /system/df is " + e.getMessage());
                return;
            }
            RawJson infoJson = null;
            if (info != null) {
                try {
                    infoJson = RawJson.of(info);
                } catch (RawJson.InvalidJsonException e) {
                    diagnostics.report(label() + ": disk usage without /info, which is " + e.getMessage());
                }
            }
            send(new Outbound.DiskUsage(envId, data, infoJson));
        }

        @Override
        public void error(String message) {
            send(new Outbound.Error(envId, message));
        }

        @Override
        public void diagnostic(String message) {
            diagnostics.report(label() + ": " + message);
        }
    }
}
