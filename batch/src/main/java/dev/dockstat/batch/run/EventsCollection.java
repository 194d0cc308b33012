package dev.dockstat.batch.run;

import dev.dockstat.batch.plan.Plan;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.events.EngineEvent;
import dev.dockstat.core.events.EventFollower;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.loop.Reachability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Engine events from the job's start to start + duration (engine time), each exactly once: the
 * engine ends the stream at that point, and an outage in between is bridged by resuming with
 * {@code since} (core's {@link EventFollower}).
 */
record EventsCollection(Plan.Job job, Plan.Events spec, String env, Records records) implements JobCollection {

    private static final Duration GRACE = Duration.ofSeconds(10);
    static final List<String> COLUMNS = List.of("time", "env", "job", "type", "action", "id", "name", "image", "event");



    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void run(DockerClient client, OutputFile out, TaskState state, StopSignal stop) throws IOException {
        EventQuery filter = new EventQuery(null, null, spec.filters());
        Reachability reachability = new Reachability((online, error) -> {
            if (!online) {
                state.failure(error);
            }
        });
        // the window opens when the task started, not after the engine answered: events while a TLS
        // handshake or a slow ping was under way belong to it too (the engine still has them)
        long startNanos = startTime(client) - state.elapsed().toNanos();
        EventFollower follower = new EventFollower(client, filter, startNanos, reachability, event -> write(event, out, state),
                new Backoff()).until(startNanos + spec.duration().toNanos());
        // The engine ends the stream at the window's end; if it is away then, give up a little later.
        long giveUp = System.nanoTime() + spec.duration().plus(GRACE).toNanos();
        Thread watcher = Thread.ofVirtual().start(() -> {
            boolean timeUp = stop.waitUntil(giveUp);
            if (timeUp && !follower.finished()) {
                state.failure("the engine did not deliver the window's events before " + GRACE.toSeconds() + " s after its end");
            }
            follower.close();
        });
        try {
            follower.run();
            follower.close();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            watcher.interrupt();
        }
    }

    /** The engine's now, so the window is in the engine's time; ours when it cannot be asked. */
    private static long startTime(DockerClient client) {
        try {
            client.ping(DockerClient.PING_TIMEOUT);
        } catch (RuntimeException away) {
            // the follower reports the outage and retries
        }
        return client.engineTimeMillis() * 1_000_000L;
    }

    private void write(EngineEvent e, OutputFile out, TaskState state) {
        try {
            out.line(records.line(Instant.ofEpochSecond(0, e.timeNano()).toString(), env, job.name(), e.type(), e.action(),
                    e.actorId(), e.attributes().getOrDefault("name", ""), e.attributes().getOrDefault("image", ""),
                    new Records.RawJson(e.raw())));
            state.sample();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
