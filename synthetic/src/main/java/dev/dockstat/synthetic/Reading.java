package dev.dockstat.synthetic;

/**
 * One container's counters at one collector tick, pre-serialised into the pieces of a stats object
 * that do not depend on who asks: a subscriber only adds its {@code preread} and {@code precpu_stats}.
 *
 * @param readNanos when the collector read it
 * @param read the {@code "read"} value, quoted
 * @param cpuStats the {@code cpu_stats} object (also the next object's {@code precpu_stats})
 * @param beforeCpu everything from {@code pids_stats} up to {@code "cpu_stats":}
 * @param afterPrecpu everything after {@code precpu_stats}, closing brace and newline included
 */
record Reading(long readNanos, String read, String cpuStats, String beforeCpu, String afterPrecpu) {

    /** What dockerd sends as {@code precpu_stats} when it has no previous reading. */
    static final String NO_CPU = "{\"cpu_usage\":{\"total_usage\":0,\"usage_in_kernelmode\":0,\"usage_in_usermode\":0},"
            + "\"throttling_data\":{\"periods\":0,\"throttled_periods\":0,\"throttled_time\":0}}";

    static final String ZERO_TIME = "\"0001-01-01T00:00:00Z\"";

    /** The stats object with {@code previous} as its precpu (null: none, as a one-shot or a stream's first). */
    String json(Reading previous) {
        StringBuilder b = new StringBuilder(beforeCpu.length() + afterPrecpu.length() + 2 * cpuStats.length() + 100);
        b.append("{\"read\":").append(read).append(",\"preread\":").append(previous == null ? ZERO_TIME : previous.read)
                .append(',').append(beforeCpu).append(cpuStats).append(",\"precpu_stats\":")
                .append(previous == null ? NO_CPU : previous.cpuStats).append(afterPrecpu);
        return b.toString();
    }
}
