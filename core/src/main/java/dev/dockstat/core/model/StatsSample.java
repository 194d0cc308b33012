package dev.dockstat.core.model;

/**
 * One stats reading of one container, flattened from the engine's JSON to the counters dockstat
 * computes from. Counters are raw (nanoseconds, bytes); a field the engine did not send is
 * {@link #ABSENT}.
 *
 * @param readNanos when the engine took the reading (unix nanoseconds); 0 for a stopped container
 * @param preCpuTotal the engine's previous reading ({@code precpu_stats}); ABSENT when it sent none,
 *     as in one-shot responses
 * @param onlineCpus {@code online_cpus}, or the length of {@code percpu_usage} when that is 0
 * @param inactiveFile cgroup v2 {@code stats.inactive_file}
 * @param totalInactiveFile cgroup v1 {@code stats.total_inactive_file}; its presence marks cgroup v1
 */
public record StatsSample(
        String id,
        String name,
        long readNanos,
        long cpuTotal,
        long systemCpu,
        int onlineCpus,
        long preCpuTotal,
        long preSystemCpu,
        long memUsage,
        long memLimit,
        long inactiveFile,
        long totalInactiveFile,
        long netRx,
        long netTx,
        long blkRead,
        long blkWrite,
        long pids) {

    public static final long ABSENT = -1;

    /** Whether the engine sent a usable previous reading with this one. */
    public boolean hasPreCpu() {
        return preCpuTotal != ABSENT && preSystemCpu > 0;
    }

    /** A stopped container's stats come back all zero, with no read time. */
    public boolean empty() {
        return readNanos == 0 && systemCpu == 0;
    }

    /** Name without docker's leading slash. */
    public String displayName() {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
