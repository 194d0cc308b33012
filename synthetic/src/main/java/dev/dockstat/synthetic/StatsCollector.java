package dev.dockstat.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One engine's stats collector, as dockerd's works: while anyone subscribes it reads every subscribed
 * container, publishes, then sleeps one interval. Idle, it waits for a subscriber and reads at once
 * when one comes; a subscriber that comes while it sleeps waits for the next reading. Its ticks run
 * on the fleet's one shared scheduler thread, not a thread of its own.
 */
final class StatsCollector {

    static final long INTERVAL_MILLIS = 1000;
    /** dockerd's publisher buffers this many readings for a slow subscriber, then drops. */
    private static final int BUFFER = 1024;
    /** Put in a subscriber's queue when its container stops: dockerd closes the publisher then. */
    static final Reading END = new Reading(0, "", "", "", "");

    private final ScheduledExecutorService ticker;
    private final SyntheticHost host;
    private final Map<SyntheticContainer, List<Subscription>> subscribers = new LinkedHashMap<>();
    private boolean running; // a reading is due or under way; false = idle, waiting for a subscriber

    StatsCollector(ScheduledExecutorService ticker, SyntheticHost host) {
        this.ticker = ticker;
        this.host = host;
    }

    /** One reader of one container's readings. */
    static final class Subscription {
        final SyntheticContainer container;
        final BlockingQueue<Reading> readings = new LinkedBlockingQueue<>(BUFFER);

        Subscription(SyntheticContainer container) {
            this.container = container;
        }

        /** The next reading, or {@link #END} when the container stopped. */
        Reading next() throws InterruptedException {
            return readings.take();
        }
    }

    Subscription subscribe(SyntheticContainer container) {
        Subscription s = new Subscription(container);
        boolean wake;
        synchronized (this) {
            subscribers.computeIfAbsent(container, c -> new ArrayList<>()).add(s);
            wake = !running;
            running = true;
        }
        if (wake) {
            ticker.execute(this::tick);
        }
        return s;
    }

    synchronized void unsubscribe(Subscription s) {
        List<Subscription> list = subscribers.get(s.container);
        if (list != null && list.remove(s) && list.isEmpty()) {
            subscribers.remove(s.container);
        }
    }

    /** The container stopped: its readers' answers end. */
    void stopped(SyntheticContainer container) {
        List<Subscription> ended;
        synchronized (this) {
            ended = subscribers.remove(container);
        }
        if (ended != null) {
            for (Subscription s : ended) {
                s.readings.offer(END);
            }
        }
    }

    private void tick() {
        List<Map.Entry<SyntheticContainer, List<Subscription>>> due;
        synchronized (this) {
            if (subscribers.isEmpty()) {
                running = false;
                return;
            }
            due = new ArrayList<>(subscribers.size());
            for (var e : subscribers.entrySet()) {
                due.add(Map.entry(e.getKey(), List.copyOf(e.getValue())));
            }
        }
        try {
            for (var e : due) {
                SyntheticContainer c = e.getKey();
                if (!c.running()) {
                    continue;
                }
                Reading r = c.read(Times.nowNanos(), host);
                for (Subscription s : e.getValue()) {
                    s.readings.offer(r);
                }
            }
        } finally {
            // the sleep after a reading, as dockerd's collector loop has it
            ticker.schedule(this::tick, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
