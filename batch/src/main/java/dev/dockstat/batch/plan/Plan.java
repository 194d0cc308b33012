package dev.dockstat.batch.plan;

import dev.dockstat.core.source.SourceChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated plan: which engines, which jobs, where results go, and where container counters come
 * from ({@code source}, as {@code --source} of stats). Built only by {@link PlanReader}, which
 * rejects anything that could fail later for a reason the file could have shown.
 */
public record Plan(Path file, Map<String, EnvSpec> environments, List<Job> jobs, SourceChoice source) {

    /** The same plan reading counters from {@code other} ({@code dockstat run --source}). */
    public Plan withSource(SourceChoice other) {
        return new Plan(file, environments, jobs, other);
    }

    /** An engine, given inline. Secrets by reference only. */
    public record EnvSpec(String name, String host, Optional<TlsSpec> tls, Optional<SecretRef> token) {}

    public record TlsSpec(Optional<Path> ca, Optional<Path> cert, Optional<SecretRef> key, boolean skipVerify,
            Optional<String> serverName) {}

    /** A job: one kind of collection on some engines, into one output per engine. */
    public record Job(String name, List<String> environments, Collect collect, Output output) {}

    /** What a job collects. */
    public sealed interface Collect permits Stats, Events, DiskUsage {
        /** How long the job runs. */
        Duration length();
    }

    /**
     * Stats every {@code interval}, for {@code duration} or {@code samples} rounds.
     *
     * @param names glob patterns on container names (empty = all)
     * @param labels labels a container must carry (empty = no condition)
     */
    public record Stats(Duration interval, Optional<Duration> duration, Optional<Integer> samples, List<String> names,
            Map<String, String> labels, boolean includeStopped) implements Collect {
        /** Rounds to take. */
        public int rounds() {
            return samples.orElseGet(() -> (int) Math.max(1, duration.orElseThrow().toMillis() / interval.toMillis()));
        }

        @Override
        public Duration length() {
            return interval.multipliedBy(rounds());
        }
    }

    /** Engine events for {@code duration}, with engine-side filters. */
    public record Events(Duration duration, Map<String, List<String>> filters) implements Collect {
        @Override
        public Duration length() {
            return duration;
        }
    }

    /** {@code /system/df} once, or every {@code every} for {@code duration}. */
    public record DiskUsage(Optional<Duration> every, Duration duration) implements Collect {
        @Override
        public Duration length() {
            return duration;
        }
    }

    public enum Format { NDJSON, CSV }

    /**
     * @param path a template with {env}, {job}, {date}, {time}
     */
    public record Output(String path, Format format, boolean gzip) {}
}
