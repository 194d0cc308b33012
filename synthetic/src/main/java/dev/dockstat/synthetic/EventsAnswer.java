package dev.dockstat.synthetic;

import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: the buffered events from {@code since} (to {@code until}), then live ones
 * until {@code until} passes or the client leaves; with an {@code until} already past, only the replay.
 */
final class EventsAnswer {

    private final SyntheticEngine engine;

    EventsAnswer(SyntheticEngine engine) {
        this.engine = engine;
    }

    Response answer(HttpRequest request) {
        long now = Times.nowNanos();
        long since;
        long until;
        EventFilter filter;
        try {
            since = Times.parseTimestamp(request.query().getOrDefault("since", ""), now);
            until = Times.parseTimestamp(request.query().getOrDefault("until", ""), now);
            filter = EventFilter.parse(request.param("filters"));
        } catch (IllegalArgumentException e) {
            return Response.error(400, e.getMessage());
        }
        if (until != 0 && since > until) {
            return Response.error(400, "`since` time (" + request.param("since") + ") cannot be after `until` time ("
                    + request.param("until") + ")");
        }
        boolean onlyPast = until != 0 && until < now;
        long untilNanos = until;
        return new Response.Streamed(200, "application/json", sink -> {
            EventLog.Subscription s = engine.events.subscribe(since, untilNanos, filter);
            try {
                for (EngineEvent ev : s.replay) {
                    sink.chunk(ev.line());
                }
                if (onlyPast) {
                    return;
                }
                while (true) {
                    EngineEvent ev;
                    if (untilNanos == 0) {
                        ev = s.live.take();
                    } else {
                        long left = untilNanos - Times.nowNanos();
                        if (left <= 0) {
                            return;
                        }
                        ev = s.live.poll(left, TimeUnit.NANOSECONDS);
                        if (ev == null) {
                            return;
                        }
                    }
                    sink.chunk(ev.line());
                }
            } finally {
                engine.events.unsubscribe(s);
            }
        });
    }
}
