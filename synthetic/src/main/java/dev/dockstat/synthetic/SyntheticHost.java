package dev.dockstat.synthetic;

/**
 * The machine an engine runs on, as its stats show it: CPUs, memory, and the host's CPU time, which
 * dockerd reads from {@code /proc/stat} as the sum of all CPUs' jiffies (10 ms each) in nanoseconds.
 */
record SyntheticHost(int cpus, long memTotal, long bootNanos) {

    private static final long JIFFY_NANOS = 10_000_000L;

    /** {@code system_cpu_usage} at {@code unixNanos}: every CPU's time since boot, busy or idle. */
    long systemCpuUsage(long unixNanos) {
        long since = Math.max(0, unixNanos - bootNanos);
        return since * cpus / JIFFY_NANOS * JIFFY_NANOS;
    }
}
