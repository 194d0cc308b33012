package dev.dockstat.core.source;

import dev.dockstat.core.api.DockerClient.StatsMode;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.model.StatsSample;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A source that makes its choice when first read, not when an environment is configured: the
 * choice may ask the engine, which a worker's command loop must not wait for.
 */
final class ChosenOnFirstUse implements StatsSource {

    private final Supplier<StatsSource> choose;
    private volatile StatsSource chosen;
    private volatile boolean closed;

    ChosenOnFirstUse(Supplier<StatsSource> choose) {
        this.choose = choose;
    }

    private StatsSource chosen() {
        StatsSource s = chosen;
        if (s == null) {
            synchronized (this) {
                s = chosen;
                if (s == null) {
                    s = choose.get();
                    chosen = s;
                    if (closed) {
                        s.close();
                    }
                }
            }
        }
        return s;
    }

    @Override
    public String name() {
        return chosen().name();
    }

    @Override
    public StatsSample sample(String idOrName, StatsMode mode) {
        return chosen().sample(idOrName, mode);
    }

    @Override
    public Duration spacing() {
        return chosen().spacing();
    }

    @Override
    public boolean pacedByEngineCollector() {
        return chosen().pacedByEngineCollector();
    }

    @Override
    public void close() {
        closed = true;
        StatsSource s = chosen;
        if (s != null) {
            s.close();
        }
    }
}
