package dev.dockstat.core.engine;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.events.EngineEvent;
import dev.dockstat.core.events.EventFollower;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Pacer;
import dev.dockstat.core.loop.Reachability;
import dev.dockstat.core.loop.StartSlots;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.EngineInfo;
import dev.dockstat.core.stats.HostMetrics;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCollector;
import dev.dockstat.core.stats.StatsPoller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Watches one engine with three loops, each on a virtual thread of its own, the way Dockhand's
 * collection worker does per environment (docs/serve-ipc.md):
 * <ul>
 *   <li>metrics: a {@link StatsPoller} round at once, then one every
 *       {@link WatchSettings#metricsInterval()} (start to start): ping, list running containers,
 *       stats of all of them in flight together ({@link StatsCollector}, CPU over the interval from
 *       the previous round's sample); then, as its listener, {@link HostMetrics} from {@code /info}
 *       ({@link HostInfoCache}: asked again after 5 minutes or an outage);</li>
 *   <li>events: an {@link EventFollower} (stream or poll, resumed with {@code since});</li>
 *   <li>disk: after {@link WatchSettings#diskDelay()}, then every {@link WatchSettings#diskInterval()},
 *       {@code /system/df} and {@code /info} as the engine sent them (an engine whose df figures mean
 *       something else, Podman's, has them brought to dockerd's meaning by its flavour).</li>
 * </ul>
 * The metrics and event loops share one {@link Reachability}, so the listener hears the engine's
 * status on the first check and then only when it changes.
 *
 * <p>The watch owns its {@link DockerClient} and closes it. {@link #close()} stops every loop:
 * waits end, requests in flight fail as the transport closes; {@link #awaitStopped} then joins.
 */
public final class EngineWatch implements AutoCloseable {

    /** What a watch reports. Called from the watch's threads; implementations must be thread-safe. */
    public interface Listener {
        /** The engine's status: on the first check, then on each change. {@code error} is null when online. */
        void status(boolean online, String error);

        /** A metrics round with meaningful host figures. */
        void metrics(HostMetrics host, Round round);

        void event(EngineEvent event);

        /**
         * A disk check: the bodies of {@code /system/df} ({@link DockerClient#diskUsageBody}) and
         * {@code /info} as the engine sent them.
         *
         * @param info null when {@code /info} failed
         */
        void diskUsage(byte[] df, byte[] info);

        /** A failure the parent should hear of, worded for it, e.g. {@code list containers: ...}. */
        void error(String message);

        /** Something worth a line on stderr. */
        void diagnostic(String message);
    }

    /** Largest {@code /system/df} body passed on (docs/serve-ipc.md). */
    public static final int DF_CAP = 10 * 1024 * 1024;
    /** Largest {@code /info} body passed on with a disk check. */
    public static final int INFO_CAP = 2 * 1024 * 1024;

    private final DockerClient client;
    private final Listener listener;
    private final Reachability reachability;
    private final StatsPoller metrics;
    private final EventFollower follower;
    private final Pacer pacer = new Pacer();
    private final HostInfoCache hostInfo = new HostInfoCache(HostInfoCache.MAX_AGE, System::nanoTime);
    private final List<Thread> threads = new ArrayList<>(3);
    /** Containers whose stats failed in the last round (metrics loop only): each failure is said once. */
    private final Set<String> failingStats = new HashSet<>();
    /** When the first metrics round may start; null = at once. */
    private final StartSlots slots;
    private volatile WatchSettings settings;
    private volatile boolean closed;

    public EngineWatch(DockerClient client, WatchSettings settings, Listener listener) {
        this(client, settings, listener, null);
    }

    /**
     * @param slots shared by the watches of one process, so their metrics rounds do not all run in
     *     the same second (null: the first round at once)
     */
    public EngineWatch(DockerClient client, WatchSettings settings, Listener listener, StartSlots slots) {
        this.slots = slots;
        this.client = client;
        this.settings = settings;
        this.listener = listener;
        this.reachability = new Reachability((online, error) -> {
            if (!online) {
                hostInfo.forget();
            }
            if (!closed) {
                listener.status(online, error);
            }
            if (online) {
                eventsRetryNow();
            }
        });
        this.metrics = StatsPoller.of(client, settings.metricsInterval())
                .pingFirst()
                .reachability(reachability)
                .threadName("dockstat-metrics")
                .listener(new StatsPoller.Listener() {
                    @Override
                    public void collected(Round round) {
                        if (!closed) {
                            hostFigures(round);
                            client.releaseAfterRound(settings.metricsInterval());
                        }
                    }

                    @Override
                    public void failed(StatsPoller.Failure failure) {
                        if (closed) {
                            return;
                        }
                        client.releaseAfterRound(settings.metricsInterval());
                        switch (failure.kind()) {
                            case UNREACHABLE -> { } // the status message says it
                            case LIST -> listener.error(prefixed("list containers", failure.message()));
                            case BUG -> listener.diagnostic("metrics round failed: " + failure.message());
                        }
                    }
                });
        this.follower = new EventFollower(client, EventQuery.containers(), 0, reachability, new EventFollower.Listener() {
            @Override
            public void event(EngineEvent event) {
                if (!closed) {
                    listener.event(event);
                }
            }

            @Override
            public void diagnostic(String message) {
                listener.diagnostic(message);
            }
        }, Backoff.jittered()); // a fleet's environments that lose their engines together retry apart
        follower.setMode(settings.eventMode(), settings.pollInterval());
    }

    /** The metrics loop found the engine back: the event stream need not wait out its backoff. */
    private void eventsRetryNow() {
        if (follower != null) { // null only while the constructor runs
            follower.retryNow();
        }
    }

    /** Starts the loops; call once. */
    public synchronized EngineWatch start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        StartSlots.Slot slot = slots == null ? null : slots.take();
        long now = System.nanoTime();
        // asked again when the interval changes before it comes (update() wakes the pacer)
        LongSupplier firstRoundAt = () -> slot == null ? now : slot.startFor(settings.metricsInterval());
        long firstRound = firstRoundAt.getAsLong();
        threads.add(Thread.ofVirtual().name("dockstat-metrics").start(() -> {
            if (pacer.awaitUntil(firstRoundAt)) {
                metrics.run();
            }
        }));
        threads.add(Thread.ofVirtual().name("dockstat-events").start(follower::run));
        if (settings.diskEnabled()) {
            threads.add(Thread.ofVirtual().name("dockstat-disk").start(() -> diskLoop(firstRound)));
        }
        return this;
    }

    /**
     * New pacing: a new metrics interval counts from the start of the current round, a new event
     * mode or poll period applies at once. Disk settings are fixed at start.
     */
    public void update(WatchSettings next) {
        WatchSettings before = settings;
        settings = next;
        if (before.eventMode() != next.eventMode() || !before.pollInterval().equals(next.pollInterval())) {
            follower.setMode(next.eventMode(), next.pollInterval());
        }
        if (!before.metricsInterval().equals(next.metricsInterval())) {
            metrics.interval(next.metricsInterval());
            pacer.wake(); // a first round still to come moves with the interval
        }
    }

    public WatchSettings settings() {
        return settings;
    }

    /** The engine's client, for requests outside the loops (e.g. per-container history). */
    public DockerClient client() {
        return client;
    }

    /** After a collected round: {@code /info} (kept a while), then the host figures when they are meaningful. */
    private void hostFigures(Round round) {
        reportStatsFailures(round);
        EngineInfo info;
        try {
            info = hostInfo.get(client::info);
        } catch (DockerException e) {
            if (!closed) {
                listener.diagnostic("metrics round without host figures: " + e.getMessage());
            }
            return;
        }
        HostMetrics.of(round, info).ifPresent(host -> {
            if (!closed) {
                listener.metrics(host, round);
            }
        });
    }

    /**
     * A container whose stats fail is left out of the host figures (as the Go worker does); the
     * parent's log hears of it once when it starts failing, not on every round it keeps failing.
     */
    private void reportStatsFailures(Round round) {
        round.failures().forEach((id, reason) -> {
            if (failingStats.add(id) && !closed) {
                String name = round.containers().stream().filter(c -> c.id().equals(id)).findFirst()
                        .map(c -> c.name() + " (" + id.substring(0, Math.min(12, id.length())) + ")").orElse(id);
                listener.diagnostic("container " + name + " left out of the metrics: " + reason
                        + " (said once; again only after it has answered)");
            }
        });
        failingStats.retainAll(round.failures().keySet());
    }

    /**
     * Disk checks counted from the environment's start slot, like its metrics rounds: environments
     * configured in one write then check their engines a slot apart, not all in the same second
     * (a hundred {@code /system/df} requests at once, every interval).
     */
    private void diskLoop(long firstRound) {
        long due = firstRound + settings.diskDelay().toNanos();
        while (pacer.awaitUntil(dueAt(due))) {
            guarded("disk check", this::diskCheck);
            due = Math.max(due + settings.diskInterval().toNanos(), System.nanoTime());
        }
    }

    private static LongSupplier dueAt(long nanos) {
        return () -> nanos;
    }

    private void diskCheck() {
        byte[] df;
        try {
            client.ping(DockerClient.PING_TIMEOUT);
            df = client.diskUsageBody(DF_CAP);
        } catch (DockerException e) {
            if (!closed) {
                listener.diagnostic("disk usage skipped: " + e.getMessage());
            }
            return;
        }
        byte[] info = null;
        try {
            info = client.getRaw("/info", DockerClient.INFO_TIMEOUT, INFO_CAP);
        } catch (DockerException e) {
            if (!closed) {
                listener.diagnostic("disk usage without /info: " + e.getMessage());
            }
        }
        if (!closed) {
            listener.diskUsage(df, info);
        }
    }

    /** A loop of a resident worker must outlive a bug in one of its turns: report it and carry on. */
    private void guarded(String what, Runnable turn) {
        try {
            turn.run();
        } catch (RuntimeException e) {
            if (!closed) {
                listener.diagnostic(what + " failed: " + e);
            }
        }
    }

    /** {@code what: message}, unless the message already says what. */
    static String prefixed(String what, String message) {
        return message != null && message.startsWith(what) ? message : what + ": " + message;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        follower.close();
        pacer.close();
        metrics.close();
        client.close();
        synchronized (this) {
            threads.forEach(Thread::interrupt);
        }
    }

    /** Waits for the loops to end after {@link #close()}; true when they all did within the time. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> started;
        synchronized (this) {
            started = List.copyOf(threads);
        }
        for (Thread t : started) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }
}
