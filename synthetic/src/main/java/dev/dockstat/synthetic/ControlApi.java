package dev.dockstat.synthetic;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fleet's control API: faults per engine, each engine's own event record, connection counters. */
final class ControlApi {

    private static final Pattern ENGINE = Pattern.compile("^/engines/(all|[0-9]+)/(down|up|latency|stall|restart|events)$");

    private final List<SyntheticEngine> engines;
    private final AttemptHistogram attempts;

    ControlApi(List<SyntheticEngine> engines, AttemptHistogram attempts) {
        this.engines = engines;
        this.attempts = attempts;
    }

    Response handle(HttpRequest request) {
        if (request.path().equals("/metrics") && request.method().equals("GET")) {
            return Response.json(metrics());
        }
        Matcher m = ENGINE.matcher(request.path());
        if (!m.matches()) {
            return Response.error(404, "no such control path: " + request.path());
        }
        String action = m.group(2);
        List<SyntheticEngine> targets;
        if (m.group(1).equals("all")) {
            if (action.equals("events")) {
                return Response.error(400, "events: name one engine, not all");
            }
            targets = engines;
        } else {
            int i = Integer.parseInt(m.group(1));
            if (i >= engines.size()) {
                return Response.error(404, "no engine " + i + " (the fleet has " + engines.size() + ")");
            }
            targets = List.of(engines.get(i));
        }
        boolean get = action.equals("events");
        if (get != request.method().equals("GET") || (!get && !request.method().equals("POST"))) {
            return Response.error(405, (get ? "GET " : "POST ") + request.path());
        }
        try {
            switch (action) {
                case "events" -> {
                    return Response.json(record(targets.get(0), request));
                }
                case "down" -> {
                    long seconds = Long.parseLong(request.query().getOrDefault("seconds", "0"));
                    EngineFaults.DownMode mode = switch (request.query().getOrDefault("mode", "reset")) {
                        case "reset" -> EngineFaults.DownMode.RESET;
                        case "refuse" -> EngineFaults.DownMode.REFUSE;
                        default -> throw new IllegalArgumentException("mode: reset or refuse");
                    };
                    targets.forEach(e -> e.down(seconds, mode));
                }
                case "up" -> targets.forEach(SyntheticEngine::up);
                case "latency" -> {
                    long ms = Long.parseLong(request.query().getOrDefault("ms", "0"));
                    targets.forEach(e -> e.faults.latency(ms));
                }
                case "stall" -> targets.forEach(SyntheticEngine::stall);
                case "restart" -> targets.forEach(SyntheticEngine::restart);
                default -> throw new IllegalStateException(action);
            }
        } catch (IllegalArgumentException e) {
            return Response.error(400, action + ": " + e.getMessage());
        }
        return Response.json("{\"ok\":true,\"engines\":" + targets.size() + ",\"action\":\"" + action + "\"}\n");
    }

    /** The engine's own record as a JSON array of the event objects it sent; since/until in unix seconds (fractions allowed). */
    private static String record(SyntheticEngine engine, HttpRequest request) {
        long now = Times.nowNanos();
        long since = Times.parseTimestamp(request.query().getOrDefault("since", ""), now);
        long until = Times.parseTimestamp(request.query().getOrDefault("until", ""), now);
        StringBuilder b = new StringBuilder("[");
        boolean first = true;
        for (EngineEvent ev : engine.events.record(since, until)) {
            b.append(first ? "" : ",").append(ev.json());
            first = false;
        }
        return b.append("]\n").toString();
    }

    private String metrics() {
        StringBuilder b = new StringBuilder(256 + 300 * engines.size());
        b.append("{\"engines\":[");
        for (int i = 0; i < engines.size(); i++) {
            SyntheticEngine e = engines.get(i);
            b.append(i > 0 ? "," : "").append("{\"index\":").append(i).append(",\"port\":").append(e.server.port())
                    .append(",\"down\":").append(e.faults.down()).append(",\"stalled\":").append(e.faults.stalled())
                    .append(",\"latencyMs\":").append(e.faults.latencyMillis()).append(",\"counters\":");
            e.counters.json(b);
            b.append('}');
        }
        b.append("],\"attemptsPerSecond\":");
        attempts.json(b);
        return b.append(",\"maxAttemptsPerSecond\":").append(attempts.max()).append("}\n").toString();
    }

    static Map<String, String> headers() {
        return Map.of();
    }
}
