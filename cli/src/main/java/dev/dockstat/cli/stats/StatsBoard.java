package dev.dockstat.cli.stats;

import dev.dockstat.cli.render.StatsRow;
import dev.dockstat.core.history.MetricHistory;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.StatsFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The refreshing {@code dockstat stats}: one {@link StatsFeed} per engine, all collecting at once,
 * and the rows a printer or the live view shows from them. An engine that fails is reported once
 * through {@code notices} (and again when it recovers) while the others keep updating; its rows
 * leave the view until it is back.
 */
public final class StatsBoard implements StatsFeed.Listener, AutoCloseable {

    /** The engine tick: rounds start at most this often. */
    public static final Duration CADENCE = Duration.ofSeconds(1);
    /** Pause before trying an engine again after a failed round. */
    public static final Duration RETRY = Duration.ofSeconds(2);

    /** One row and the CPU history behind its sparkline (null until the container has a CPU figure). */
    public record Line(StatsRow row, MetricHistory history) {}

    /** One engine's feed and, with named containers, those the engine has shown so far. */
    private record Source(StatsFeed feed, Set<String> seen) {}

    private final List<Source> sources = new ArrayList<>();
    private final List<String> named;
    private final Duration cadence;
    private final boolean withEnv;
    private final boolean noTrunc;
    private final Consumer<String> notices;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Set<StatsFeed> offline = ConcurrentHashMap.newKeySet();
    private long version;

    /**
     * @param named containers the user named (name, ID or ID prefix), in the order typed; empty =
     *     every container each engine lists
     * @param all stopped containers too (always, for named containers, as docker shows them)
     * @param notices receives one line per engine failure and recovery
     */
    public StatsBoard(Engines engines, List<String> named, boolean all, boolean noTrunc, Consumer<String> notices) {
        this(engines, named, all, noTrunc, notices, CADENCE);
    }

    /** @param cadence the shortest time between the starts of two rounds of an engine ({@code --interval}) */
    public StatsBoard(Engines engines, List<String> named, boolean all, boolean noTrunc, Consumer<String> notices,
            Duration cadence) {
        this.cadence = cadence;
        this.named = List.copyOf(named);
        this.withEnv = engines.several();
        this.noTrunc = noTrunc;
        this.notices = notices;
        Predicate<ContainerSummary> filter = named.isEmpty() ? c -> true : c -> this.named.stream().anyMatch(t -> matches(t, c));
        for (Engines.Engine engine : engines.all()) {
            StatsFeed feed = new StatsFeed(engine.name(), engine.client(), all || !named.isEmpty(), filter, cadence, RETRY, this);
            sources.add(new Source(feed, new HashSet<>()));
        }
    }

    /** Docker's lookup: the exact name, else the ID or a prefix of it. */
    private static boolean matches(String typed, ContainerSummary c) {
        return c.names().contains("/" + typed) || c.id().startsWith(typed);
    }

    private static ContainerStats find(String typed, List<ContainerStats> shown) {
        for (ContainerStats s : shown) {
            if (typed.equals(s.name())) {
                return s;
            }
        }
        for (ContainerStats s : shown) {
            if (s.id().startsWith(typed)) {
                return s;
            }
        }
        return null;
    }

    /** Starts every feed. */
    public StatsBoard start() {
        sources.forEach(s -> s.feed().start());
        return this;
    }

    public Duration cadence() {
        return cadence;
    }

    public boolean withEnv() {
        return withEnv;
    }

    /**
     * The rows now: engines in the order given, each engine's containers in its own order. Call it
     * from one thread (the printer's or the view's): it remembers which named containers each
     * engine has shown, to show {@code --} for one that went away.
     */
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        for (Source source : sources) {
            StatsFeed.View view = source.feed().view();
            if (!view.online()) {
                continue; // reported on its own; stale figures would look current
            }
            if (named.isEmpty()) {
                view.containers().forEach(s -> lines.add(line(source, shortId(s.id()), s)));
                continue;
            }
            for (String typed : named) {
                ContainerStats s = find(typed, view.containers());
                if (s != null) {
                    source.seen().add(typed);
                }
                if (s != null || source.seen().contains(typed)) { // gone since: "--", as docker shows it
                    lines.add(line(source, typed, s));
                }
            }
        }
        return lines;
    }

    private Line line(Source source, String container, ContainerStats stats) {
        StatsRow row = new StatsRow(container, source.feed().name(), stats, noTrunc);
        return new Line(row, stats == null ? null : source.feed().history(stats.id()));
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** Whether every engine has finished its first round (successfully or not). */
    public boolean settled() {
        return sources.stream().allMatch(s -> s.feed().view().rounds() > 0);
    }

    /** A number that grows with every round of any engine. */
    public long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a round newer than {@code seen} ends, at most {@code max}.
     *
     * @return the version now (equal to {@code seen} when the wait timed out)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public long awaitChange(long seen, Duration max) throws InterruptedException {
        lock.lock();
        try {
            long nanos = max.toNanos();
            while (version == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return version;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void updated(StatsFeed feed) {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void reachability(StatsFeed feed, boolean online, String error) {
        if (online) {
            if (offline.remove(feed)) { // the first good round needs no word
                notices.accept("Engine " + feed.name() + " is reachable again");
            }
        } else {
            offline.add(feed);
            notices.accept(error + " (retrying every " + RETRY.toSeconds() + "s)");
        }
    }

    @Override
    public void close() {
        sources.forEach(s -> s.feed().close());
    }
}
