package dev.dockstat.core.stats;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.history.MetricHistory;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Reachability;
import dev.dockstat.core.model.ContainerSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Keeps one engine's container figures current for a view that refreshes ({@code dockstat stats}
 * without {@code --no-stream}): a {@link StatsPoller} round every {@code cadence}, the latest
 * figures of every container listed, and a CPU/memory {@link MetricHistory} per container.
 *
 * <p>Containers that start appear at the next round and containers that stop (or go) disappear
 * from it, because every round lists the containers again. A container that did not answer within
 * a round keeps its previous figures instead of blinking out of the view.
 *
 * <p>When the engine cannot be reached the feed retries every {@code retry}; the listener hears
 * the outage once and the recovery once ({@link Reachability}). Thread-safe for readers; the
 * feed's own thread is the only writer of the histories.
 */
public final class StatsFeed implements AutoCloseable {

    /** Points kept per container: five minutes at one per second, more than a sparkline shows. */
    public static final int HISTORY_POINTS = 300;

    /** Hears from the feed's thread. */
    public interface Listener {
        /** A round ended (successfully or not): the view may redraw. */
        void updated(StatsFeed feed);

        /**
         * The engine's reachability changed: called for the first round and then on transitions only.
         *
         * @param error why it is unreachable; null when online
         */
        void reachability(StatsFeed feed, boolean online, String error);
    }

    /**
     * What the feed shows now.
     *
     * @param containers the containers of the last good round, in the engine's list order, each with
     *     its latest figures
     * @param rounds rounds completed so far (successful or not)
     * @param error why the last round failed, null when it succeeded
     */
    public record View(List<ContainerStats> containers, long rounds, String error) {
        public View {
            containers = List.copyOf(containers);
        }

        public boolean online() {
            return error == null;
        }
    }

    private final String name;
    private final DockerClient client;
    private final Listener listener;
    private final StatsPoller poller;
    private final Map<String, MetricHistory> histories = new ConcurrentHashMap<>();
    private final Map<String, ContainerStats> latest = new LinkedHashMap<>(); // poller thread only
    private volatile View view = new View(List.of(), 0, null);
    private boolean started;

    /**
     * @param name the engine's name, for listeners
     * @param all stopped containers too ({@code --all})
     * @param filter which listed containers to follow
     * @param cadence the shortest time from one round's start to the next (rounds take at least
     *     the engine's 1 s tick anyway)
     * @param retry the pause after a failed round
     */
    public StatsFeed(String name, DockerClient client, boolean all, Predicate<ContainerSummary> filter,
            Duration cadence, Duration retry, Listener listener) {
        this.name = name;
        this.client = client;
        this.listener = listener;
        this.poller = StatsPoller.of(client, cadence)
                .containers(all, filter)
                .reachability(new Reachability((online, error) -> listener.reachability(this, online, error)))
                .backoff(new Backoff(retry, retry))
                .threadName("dockstat-feed-" + name)
                .listener(new StatsPoller.Listener() {
                    @Override
                    public void collected(Round round) {
                        remember(round);
                        listener.updated(StatsFeed.this);
                    }

                    @Override
                    public void failed(StatsPoller.Failure failure) {
                        view = new View(view.containers(), view.rounds() + 1, failure.message());
                        listener.updated(StatsFeed.this);
                    }
                });
    }

    public String name() {
        return name;
    }

    public DockerClient client() {
        return client;
    }

    /** Starts collecting on a virtual thread of its own. */
    public synchronized StatsFeed start() {
        if (!started) {
            started = true;
            poller.start();
        }
        return this;
    }

    public View view() {
        return view;
    }

    /** The history of a container by full ID, or null when the feed has not read it. */
    public MetricHistory history(String containerId) {
        return histories.get(containerId);
    }

    /** Latest figures per listed container, histories appended, containers no longer listed dropped. */
    private void remember(Round round) {
        long now = System.currentTimeMillis();
        for (ContainerStats s : round.stats()) {
            latest.put(s.id(), s);
            if (s.hasCpu()) {
                histories.computeIfAbsent(s.id(), id -> new MetricHistory(HISTORY_POINTS))
                        .append(now, (float) s.cpuPercent(), (float) s.memPercent());
            }
        }
        Set<String> listed = new HashSet<>();
        List<ContainerStats> shown = new ArrayList<>(round.containers().size());
        for (ContainerSummary c : round.containers()) {
            listed.add(c.id());
            ContainerStats s = latest.get(c.id());
            if (s != null) {
                shown.add(s);
            }
        }
        latest.keySet().retainAll(listed);
        histories.keySet().retainAll(listed);
        view = new View(shown, view.rounds() + 1, null);
    }

    /** Stops the thread and the requests in flight; does not close the client. */
    @Override
    public void close() {
        poller.close();
    }
}
