package dev.dockstat.synthetic;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /containers/{id}/stats}, as dockerd serves it from its collector: a stream sends every
 * reading with the one before as {@code precpu_stats}; {@code stream=false} waits for two readings
 * and sends the second with the first as precpu; {@code one-shot=true} (API 1.41) sends the first
 * reading alone. A stopped container's readings are empty objects: {@code stream=false} gets one at
 * once, a stream goes on sending one a tick until the container is removed.
 */
final class StatsAnswers {

    private final SyntheticEngine engine;

    StatsAnswers(SyntheticEngine engine) {
        this.engine = engine;
    }

    /** @param apiVersion the version the request's path asked for (the engine's own when unversioned) */
    Response answer(SyntheticContainer container, HttpRequest request, String apiVersion) {
        boolean stream = request.flag("stream", true);
        boolean oneShot = EngineApi.compare(apiVersion, "1.41") >= 0 && request.flag("one-shot", false);
        if (stream && oneShot) {
            return Response.error(400, "cannot have stream=true and one-shot=true");
        }
        if (!container.running() && !stream) {
            return Response.json(container.emptyReading().json(null));
        }
        if (stream) {
            return new Response.Streamed(200, null, sink -> {
                StatsCollector.Subscription s = engine.collector.subscribe(container);
                try {
                    Reading previous = null;
                    for (Reading r = s.next(); r != StatsCollector.END; r = s.next()) {
                        sink.chunk(r.json(previous).getBytes(StandardCharsets.UTF_8));
                        previous = r;
                    }
                } finally {
                    engine.collector.unsubscribe(s);
                }
            });
        }
        StatsCollector.Subscription s = engine.collector.subscribe(container);
        try {
            Reading first = s.next();
            if (first == StatsCollector.END) {
                return Response.json(""); // removed while waited for: dockerd ends the answer without a body
            }
            if (oneShot) {
                return Response.json(first.json(null));
            }
            Reading second = s.next();
            return Response.json(second == StatsCollector.END ? "" : second.json(first));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(500, "interrupted");
        } finally {
            engine.collector.unsubscribe(s);
        }
    }
}
