package dev.dockstat.core.events;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.api.FailureReasons;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Reachability;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows an engine's events without losing or repeating any, across reconnects and in either mode.
 *
 * <p>Stream mode holds {@code GET /events} open. When it breaks, the engine is pinged at once (an
 * outage is reported when it happens), then retried with {@link Backoff} (5 s doubling to 60 s)
 * while it stays down. Every reconnect resumes with {@code since} = the time of the last event
 * delivered, and the events the engine repeats at that instant are dropped, so a reconnect loses
 * nothing and doubles nothing. While a stream is open, a ping every {@link #WATCHDOG} notices a
 * silently dead connection.
 *
 * <p>Poll mode asks every interval for the events from the last one delivered up to the engine's
 * now, instead of a fixed window that loses whatever falls between windows.
 *
 * <p>Run {@link #run()} on a thread of its own; {@link #close()} ends it promptly.
 */
public final class EventFollower implements AutoCloseable {

    public enum Mode { STREAM, POLL }

    /** Receives events in engine order. Called on the follower's thread. */
    public interface Listener {
        void event(EngineEvent event);

        /** Something worth a line on stderr: a skipped line, a reconnect. */
        default void diagnostic(String message) {}

        /** A listener that hands events to one consumer and diagnostics to another. */
        static Listener of(Consumer<EngineEvent> events, Consumer<String> diagnostics) {
            return new Listener() {
                @Override
                public void event(EngineEvent event) {
                    events.accept(event);
                }

                @Override
                public void diagnostic(String message) {
                    diagnostics.accept(message);
                }
            };
        }
    }

    public static final Duration WATCHDOG = Duration.ofSeconds(30);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration HEALTHY_STREAM = Duration.ofSeconds(10);

    private final DockerClient client;
    private final EventQuery filter;
    private final Reachability reachability;
    private final Listener listener;
    private final Backoff backoff;
    private final RecentEvents recent = new RecentEvents();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();

    private volatile Mode mode = Mode.STREAM;
    private volatile Duration pollInterval = Duration.ofSeconds(60);
    private volatile boolean closed;
    private volatile EventLines open;
    /** A stream dockstat closed itself (a mode switch, a close, the watchdog): its end is no failure to report. */
    private volatile EventLines closedOnPurpose;
    private volatile long cursorNanos; // time of the last event delivered (engine clock); 0 = none yet
    private volatile long untilNanos; // engine time to stop at; 0 = follow until closed
    private volatile boolean finished;
    private long generation; // bumped by setMode/close to cut a wait short

    /**
     * @param filter which events (its since/until are ignored: the follower manages them)
     * @param startNanos where to start in engine time; 0 = from the moment the stream opens
     */
    public EventFollower(DockerClient client, EventQuery filter, long startNanos, Reachability reachability,
            Listener listener, Backoff backoff) {
        this.client = client;
        this.filter = new EventQuery(null, null, filter.filters());
        this.cursorNanos = startNanos;
        this.reachability = reachability;
        this.listener = listener;
        this.backoff = backoff;
    }

    /**
     * Makes {@link #run()} return once every event up to {@code unixNanos} (engine time) has been
     * delivered: the engine is asked to end the response there, and an outage before that point is
     * bridged by resuming with {@code since} as usual.
     */
    public EventFollower until(long unixNanos) {
        this.untilNanos = unixNanos;
        return this;
    }

    /** Whether the follower reached its {@link #until} point. */
    public boolean finished() {
        return finished;
    }

    /** Switches mode or poll period; takes effect at once (an open stream is closed). */
    public void setMode(Mode newMode, Duration newPollInterval) {
        Mode old = mode;
        mode = newMode;
        if (newPollInterval != null) {
            pollInterval = newPollInterval;
        }
        if (old != newMode) {
            closeOpenStream();
        }
        signal();
    }

    public Mode mode() {
        return mode;
    }

    /** Time of the last event delivered (unix nanoseconds, engine clock), 0 before the first. */
    public long cursorNanos() {
        return cursorNanos;
    }

    /**
     * Ends a reconnect wait now: another loop of the environment has just found the engine back.
     * Without it the stream could stay closed for up to a minute after the engine returned (the
     * backoff's last step), its events held back until then.
     */
    public void retryNow() {
        signal();
    }

    /** Follows until {@link #close()}. */
    public void run() {
        while (!closed && !finished) {
            if (mode == Mode.POLL) {
                pollOnce();
                if (!finished) {
                    pause(untilNanos > 0 ? min(pollInterval, untilNanos) : pollInterval);
                }
            } else {
                streamOnce();
            }
        }
    }

    private void streamOnce() {
        if (!pingOk()) {
            pause(backoff.next());
            return;
        }
        if (cursorNanos == 0) {
            cursorNanos = client.engineTimeMillis() * 1_000_000L; // a reconnect resumes from here even if nothing happened
        }
        long opened = System.nanoTime();
        EventQuery query = filter.since(EventQuery.timestamp(cursorNanos));
        if (untilNanos > 0) {
            query = query.until(EventQuery.timestamp(untilNanos));
        }
        try (EventLines lines = client.events(query)) {
            open = lines;
            if (closed || mode != Mode.STREAM) {
                return;
            }
            try (Watchdog dog = new Watchdog(lines)) {
                deliverAll(lines);
            }
            if (untilNanos > 0 && client.engineTimeMillis() * 1_000_000L >= untilNanos) {
                finished = true; // the engine ended the response at the until point
                return;
            }
        } catch (DockerException e) {
            if (!closed) {
                reachability.offline(e.getMessage());
            }
        } catch (IOException e) {
            if (!closed && closedOnPurpose != open) {
                listener.diagnostic("event stream broke: " + FailureReasons.of(e));
            }
        } finally {
            open = null;
        }
        if (!closed && mode == Mode.STREAM) {
            // a stream that ended soon after opening must not be reopened in a tight loop; the
            // ping still comes at once, so an outage is reported when it happens
            if (System.nanoTime() - opened < HEALTHY_STREAM.toNanos()) {
                pingOk();
                pause(backoff.next());
            } else {
                backoff.reset();
            }
        }
    }

    private void pollOnce() {
        if (!pingOk()) {
            return;
        }
        long nowNanos = client.engineTimeMillis() * 1_000_000L;
        long until = untilNanos > 0 ? Math.min(untilNanos, nowNanos) : nowNanos / 1_000_000_000L * 1_000_000_000L;
        if (cursorNanos == 0) {
            cursorNanos = nowNanos;
            return; // nothing before the first poll is ours to report
        }
        if (until <= cursorNanos) {
            // the last event (e.g. from a stream before a switch to polling) is newer than the whole
            // second a poll ends at: nothing to ask yet, and the engine refuses since > until
            return;
        }
        EventQuery window = filter.since(EventQuery.timestamp(cursorNanos)).until(EventQuery.timestamp(until));
        try (EventLines lines = client.eventsUntil(window, POLL_TIMEOUT)) {
            open = lines;
            deliverAll(lines);
            finished = untilNanos > 0 && until >= untilNanos;
        } catch (DockerException e) {
            if (!closed) {
                listener.diagnostic("events poll: " + e.getMessage());
            }
        } catch (IOException e) {
            if (!closed && closedOnPurpose != open) {
                listener.diagnostic("events poll: " + FailureReasons.of(e));
            }
        } finally {
            open = null;
        }
    }

    private void deliverAll(EventLines lines) throws IOException {
        byte[] line;
        long skipped = 0;
        while (!closed && (line = lines.next()) != null) {
            EngineEvent event = EngineEvent.parse(line);
            if (event == null) {
                listener.diagnostic("skipped an event line that is not a JSON event (" + line.length + " bytes)");
                continue;
            }
            if (lines.oversized() > skipped) {
                skipped = lines.oversized();
                listener.diagnostic("skipped an event line longer than " + EventLines.MAX_LINE + " bytes");
            }
            if (recent.firstTime(event)) {
                cursorNanos = Math.max(cursorNanos, event.timeNano());
                listener.event(event);
            }
        }
        if (lines.oversized() > skipped) {
            listener.diagnostic("skipped an event line longer than " + EventLines.MAX_LINE + " bytes");
        }
    }

    private boolean pingOk() {
        try {
            client.ping(DockerClient.PING_TIMEOUT);
            reachability.online();
            return true;
        } catch (DockerException e) {
            if (!closed) {
                reachability.offline("Docker not reachable");
            }
            return false;
        }
    }

    /** Pings while a stream is open; a failed ping closes the stream, which the loop then reopens. */
    private final class Watchdog implements AutoCloseable {
        private final Thread thread;

        Watchdog(EventLines lines) {
            thread = Thread.ofVirtual().name("dockstat-events-watchdog").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(WATCHDOG);
                        client.ping(DockerClient.PING_TIMEOUT);
                    } catch (InterruptedException e) {
                        return;
                    } catch (DockerException e) {
                        listener.diagnostic("event stream silent and ping failed: reconnecting");
                        closedOnPurpose = lines; // said just now
                        lines.close();
                        return;
                    }
                }
            });
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** The poll interval, or less when the until point comes sooner. */
    private Duration min(Duration interval, long untilNanos) {
        long left = untilNanos - client.engineTimeMillis() * 1_000_000L;
        return Duration.ofNanos(Math.max(0, Math.min(interval.toNanos(), left)));
    }

    /** Waits, unless {@link #setMode} or {@link #close()} cuts the wait short. */
    private void pause(Duration duration) {
        lock.lock();
        try {
            long gen = generation;
            long nanos = duration.toNanos();
            while (!closed && gen == generation && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            closed = true;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            generation++;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void closeOpenStream() {
        EventLines lines = open;
        if (lines != null) {
            closedOnPurpose = lines;
            lines.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeOpenStream();
        signal();
    }
}
