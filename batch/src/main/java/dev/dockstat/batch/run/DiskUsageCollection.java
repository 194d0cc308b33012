package dev.dockstat.batch.run;

import dev.dockstat.batch.plan.Plan;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code GET /system/df} once, or every {@code every} for {@code duration}; one line per snapshot. */
record DiskUsageCollection(Plan.Job job, Plan.DiskUsage spec, String env, Records records) implements JobCollection {

    static final List<String> COLUMNS = List.of("time", "env", "job", "df");
    private static final int CAP = 10 * 1024 * 1024;
    private static final long RETRY_NANOS = 2_000_000_000L;



    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    /** Snapshots the job takes. */
    static long snapshots(Plan.DiskUsage spec) {
        return spec.every().map(e -> Math.max(1, spec.duration().toMillis() / e.toMillis())).orElse(1L);
    }

    @Override
    public void run(DockerClient client, OutputFile out, TaskState state, StopSignal stop) throws IOException {
        long start = System.nanoTime();
        long every = spec.every().map(Duration::toNanos).orElse(0L);
        long deadline = start + Math.max(spec.duration().toNanos(), 0);
        long taken = 0;
        long next = start;
        while (taken < snapshots(spec) && stop.waitUntil(next)) {
            try {
                byte[] df = client.diskUsageBody(CAP); // Podman's LayersSize filled in, dockerd's body as sent
                out.line(records.line(Instant.now().toString(), env, job.name(), new Records.RawJson(df)));
                state.sample();
                taken++;
                next = start + taken * every;
            } catch (DockerException e) {
                state.failure(e.getMessage());
                next = System.nanoTime() + RETRY_NANOS; // a one-off snapshot keeps trying until the job's time is up
                if (next > Math.max(deadline, start + 30_000_000_000L)) {
                    return;
                }
            }
        }
    }
}
