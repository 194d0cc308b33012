package dev.dockstat.synthetic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One engine's events: the buffer {@code since} replays from (dockerd keeps the last 256 in memory,
 * and forgets them when it restarts), the live subscribers, and the engine's full record of what it
 * emitted, which the control API shows and a restart does not forget.
 */
final class EventLog {

    static final int REPLAY_BUFFER = 256;
    /** The record keeps this many; a long fleet run with churn stays well below. */
    private static final int RECORD_LIMIT = 1_000_000;

    private final ArrayDeque<EngineEvent> buffer = new ArrayDeque<>(REPLAY_BUFFER);
    private final ArrayList<EngineEvent> record = new ArrayList<>();
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private long lastNano;

    /** A live reader: the replayed events first, then what comes. */
    static final class Subscription {
        final List<EngineEvent> replay;
        final EventFilter filter;
        final BlockingQueue<EngineEvent> live = new LinkedBlockingQueue<>();

        Subscription(List<EngineEvent> replay, EventFilter filter) {
            this.replay = replay;
            this.filter = filter;
        }
    }

    /** Emits an event now; its time is never before the previous one's, as one engine's clock gives them. */
    synchronized EngineEvent emit(String type, String action, String actorId, java.util.SortedMap<String, String> attributes,
            String from) {
        long now = Math.max(Times.nowNanos(), lastNano + 1);
        lastNano = now;
        EngineEvent ev = EngineEvent.of(type, action, actorId, attributes, from, now);
        if (buffer.size() == REPLAY_BUFFER) {
            buffer.removeFirst();
        }
        buffer.addLast(ev);
        if (record.size() < RECORD_LIMIT) {
            record.add(ev);
        }
        for (Subscription s : subscribers) {
            if (s.filter.matches(ev)) {
                s.live.add(ev);
            }
        }
        return ev;
    }

    /**
     * Subscribes, with the buffered events in [since, until] that match (dockerd's replay: none when
     * neither is given), atomically with the subscription so none is lost or doubled between them.
     */
    synchronized Subscription subscribe(long sinceNanos, long untilNanos, EventFilter filter) {
        List<EngineEvent> replay = new ArrayList<>();
        if (sinceNanos != 0 || untilNanos != 0) {
            for (EngineEvent ev : buffer) {
                if (ev.timeNano() >= sinceNanos && (untilNanos == 0 || ev.timeNano() <= untilNanos) && filter.matches(ev)) {
                    replay.add(ev);
                }
            }
        }
        Subscription s = new Subscription(replay, filter);
        subscribers.add(s);
        return s;
    }

    void unsubscribe(Subscription s) {
        subscribers.remove(s);
    }

    /** A daemon restart: the replay buffer is gone. */
    synchronized void forget() {
        buffer.clear();
    }

    synchronized int listeners() {
        return subscribers.size();
    }

    /** The record between the two times (unix nanoseconds, 0 = open), oldest first. */
    synchronized List<EngineEvent> record(long sinceNanos, long untilNanos) {
        List<EngineEvent> out = new ArrayList<>();
        for (EngineEvent ev : record) {
            if (ev.timeNano() >= sinceNanos && (untilNanos == 0 || ev.timeNano() <= untilNanos)) {
                out.add(ev);
            }
        }
        return out;
    }
}
