package dev.dockstat.cli.events;

import dev.dockstat.cli.render.EventFormat;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.events.EventFollower;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Reachability;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * {@code dockstat events}: a bounded read when {@code --until} is given (the engine ends the
 * response then), else {@link EventFollower}, which reconnects with {@code since} = the last event
 * printed and drops the repeats, so an engine restart or a broken connection loses and doubles
 * nothing. Each event is printed and flushed as it arrives.
 */
public final class EventsRun {

    /** Reconnect delays for an interactive tool: sooner than the worker's 5 s. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(15);

    private final DockerClient client;
    private final EventFormat format;
    private final PrintWriter out;
    private final PrintWriter err;

    public EventsRun(DockerClient client, EventFormat format, PrintWriter out, PrintWriter err) {
        this.client = client;
        this.format = format;
        this.out = out;
        this.err = err;
    }

    /** Prints the events of {@code query} (which has an {@code until}) and returns when the engine ends the response. */
    public void bounded(EventQuery query) throws IOException {
        try (EventLines lines = client.events(query)) {
            byte[] line;
            while ((line = lines.next()) != null) {
                if (!print(line)) {
                    return;
                }
            }
        }
    }

    /**
     * Follows until interrupted or stdout goes away.
     *
     * @param startNanos where to start (unix nanoseconds, engine clock); 0 = now
     */
    public void follow(EventQuery query, long startNanos) {
        Reachability reachability = new Reachability(new Reporter());
        EventFollower[] follower = new EventFollower[1];
        follower[0] = new EventFollower(client, query, startNanos, reachability, EventFollower.Listener.of(event -> {
            if (!print(event.raw())) {
                follower[0].close();
            }
        }, this::say), new Backoff(FIRST_RETRY, MAX_RETRY));
        follower[0].run();
    }

    /** False once stdout is closed. */
    private boolean print(byte[] raw) {
        String line = format.line(raw);
        if (line == null) {
            say("skipped an event line that is not JSON (" + raw.length + " bytes)");
            return true;
        }
        out.println(line);
        out.flush();
        return !out.checkError();
    }

    private void say(String message) {
        err.println(message);
        err.flush();
    }

    /** Outages once, recoveries once; the first successful connection needs no word. */
    private final class Reporter implements BiConsumer<Boolean, String> {
        private boolean wasDown;

        @Override
        public void accept(Boolean online, String error) {
            if (online && wasDown) {
                say("Reconnected to the Docker engine at " + client.endpoint().display() + "; resuming after the last event shown");
            } else if (!online) {
                say("Cannot reach the Docker engine at " + client.endpoint().display() + " (" + error + "); reconnecting");
            }
            wasDown = !online;
        }
    }
}
