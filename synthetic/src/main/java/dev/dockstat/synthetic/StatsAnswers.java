package dev.dockstat.synthetic;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /containers/{id}/stats}, as dockerd serves it from its collector: a stream sends every
 * reading with the one before as {@code precpu_stats}; {@code stream=false} waits for two readings
 * and sends the second with the first as precpu; {@code one-shot=true} sends the first reading alone.
 */
final class StatsAnswers {

    private final SyntheticEngine engine;

    StatsAnswers(SyntheticEngine engine) {
        this.engine = engine;
    }

    Response answer(SyntheticContainer container, HttpRequest request) {
        boolean stream = request.flag("stream", true);
        boolean oneShot = request.flag("one-shot", false);
        if (!container.running() && !stream) {
            return Response.json(container.emptyStats());
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
                return Response.json(""); // stopped while waited for: dockerd ends the answer without a body
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
