package dev.dockstat.synthetic;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What one engine saw of its clients: connections accepted and refused, open now, requests by kind. */
final class ConnectionCounters {

    /** Request kinds, as the fleet measurements group them. */
    enum Kind { PING, VERSION, INFO, CONTAINERS, INSPECT, STATS, EVENTS, DF, OTHER }

    private final AttemptHistogram fleetAttempts;
    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final AtomicLong open = new AtomicLong();
    private final Map<Kind, LongAdder> requests = new EnumMap<>(Kind.class);

    ConnectionCounters(AttemptHistogram fleetAttempts) {
        this.fleetAttempts = fleetAttempts;
        for (Kind k : Kind.values()) {
            requests.put(k, new LongAdder());
        }
    }

    void accepted() {
        accepted.increment();
        open.incrementAndGet();
        fleetAttempts.attempt();
    }

    void refused() {
        refused.increment();
        fleetAttempts.attempt();
    }

    void closed() {
        open.decrementAndGet();
    }

    void request(Kind kind) {
        requests.get(kind).increment();
    }

    StringBuilder json(StringBuilder b) {
        b.append("{\"connectionsAccepted\":").append(accepted.sum())
                .append(",\"connectionAttemptsRefused\":").append(refused.sum())
                .append(",\"openConnections\":").append(open.get())
                .append(",\"requests\":{");
        boolean first = true;
        for (var e : requests.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append('"').append(e.getKey().name().toLowerCase(java.util.Locale.ROOT)).append("\":").append(e.getValue().sum());
        }
        return b.append("}}");
    }
}
