package dev.dockstat.batch.run;

import dev.dockstat.batch.plan.Plan;

/** Picks the collection for a job's kind. */
final class JobCollections {

    private JobCollections() {}

    static JobCollection of(Plan.Job job, String env) {
        return switch (job.collect()) {
            case Plan.Stats s -> new StatsCollection(job, s, env, new Records(job.output().format(), StatsCollection.COLUMNS));
            case Plan.Events e -> new EventsCollection(job, e, env, new Records(job.output().format(), EventsCollection.COLUMNS));
            case Plan.DiskUsage d -> new DiskUsageCollection(job, d, env, new Records(job.output().format(), DiskUsageCollection.COLUMNS));
        };
    }

    /** Samples a job expects: rounds or snapshots; 0 for events (open-ended). */
    static long expected(Plan.Collect collect) {
        return switch (collect) {
            case Plan.Stats s -> s.rounds();
            case Plan.Events e -> 0;
            case Plan.DiskUsage d -> DiskUsageCollection.snapshots(d);
        };
    }
}
