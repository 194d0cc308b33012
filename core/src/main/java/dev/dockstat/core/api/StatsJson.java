package dev.dockstat.core.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dockstat.core.model.StatsSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The engine's stats body as Jackson reads it; {@link #toSample()} flattens it. */
record StatsJson(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("read") String read,
        @JsonProperty("preread") String preread,
        @JsonProperty("cpu_stats") Cpu cpu,
        @JsonProperty("precpu_stats") Cpu precpu,
        @JsonProperty("memory_stats") Memory memory,
        @JsonProperty("networks") Map<String, Net> networks,
        @JsonProperty("blkio_stats") Blkio blkio,
        @JsonProperty("pids_stats") Pids pids) {

    record Cpu(@JsonProperty("cpu_usage") Usage usage,
               @JsonProperty("system_cpu_usage") Long system,
               @JsonProperty("online_cpus") Integer online) {}

    record Usage(@JsonProperty("total_usage") Long total, @JsonProperty("percpu_usage") List<Long> perCpu) {}

    record Memory(@JsonProperty("usage") Long usage, @JsonProperty("limit") Long limit,
                  @JsonProperty("stats") Map<String, Long> stats) {}

    record Net(@JsonProperty("rx_bytes") long rx, @JsonProperty("tx_bytes") long tx) {}

    record Blkio(@JsonProperty("io_service_bytes_recursive") List<BlkioEntry> serviceBytes) {}

    record BlkioEntry(@JsonProperty("op") String op, @JsonProperty("value") long value) {}

    record Pids(@JsonProperty("current") Long current) {}

    StatsSample toSample() {
        long[] blk = blockIo();
        long[] net = network();
        Map<String, Long> memStats = memory == null || memory.stats() == null ? Map.of() : memory.stats();
        return new StatsSample(id, name, nanos(read),
                total(cpu), system(cpu), onlineCpus(cpu),
                hasPrecpu() ? total(precpu) : StatsSample.ABSENT,
                hasPrecpu() ? system(precpu) : StatsSample.ABSENT,
                memory == null || memory.usage() == null ? 0 : memory.usage(),
                memory == null || memory.limit() == null ? 0 : memory.limit(),
                memStats.getOrDefault("inactive_file", StatsSample.ABSENT),
                memStats.getOrDefault("total_inactive_file", StatsSample.ABSENT),
                net[0], net[1], blk[0], blk[1],
                pids == null || pids.current() == null ? 0 : pids.current());
    }

    /** One-shot responses carry a zero {@code preread} and empty precpu: no previous reading. */
    private boolean hasPrecpu() {
        return precpu != null && nanos(preread) > 0 && system(precpu) > 0;
    }

    private static long total(Cpu c) {
        return c == null || c.usage() == null || c.usage().total() == null ? 0 : c.usage().total();
    }

    private static long system(Cpu c) {
        return c == null || c.system() == null ? 0 : c.system();
    }

    private static int onlineCpus(Cpu c) {
        if (c == null) {
            return 0;
        }
        if (c.online() != null && c.online() > 0) {
            return c.online();
        }
        return c.usage() == null || c.usage().perCpu() == null ? 0 : c.usage().perCpu().size();
    }

    private long[] network() {
        long rx = 0;
        long tx = 0;
        if (networks != null) {
            for (Net n : networks.values()) {
                rx += n.rx();
                tx += n.tx();
            }
        }
        return new long[] {rx, tx};
    }

    /** As docker stats: entries whose op starts with r/R are reads, w/W writes (v2 is lower case). */
    private long[] blockIo() {
        long read = 0;
        long write = 0;
        if (blkio != null && blkio.serviceBytes() != null) {
            for (BlkioEntry e : blkio.serviceBytes()) {
                if (e.op() == null || e.op().isEmpty()) {
                    continue;
                }
                switch (e.op().charAt(0)) {
                    case 'r', 'R' -> read += e.value();
                    case 'w', 'W' -> write += e.value();
                    default -> { }
                }
            }
        }
        return new long[] {read, write};
    }

    /** RFC 3339 to unix nanoseconds; the zero time {@code 0001-01-01T00:00:00Z} and null give 0. */
    static long nanos(String rfc3339) {
        if (rfc3339 == null || rfc3339.startsWith("0001-")) {
            return 0;
        }
        try {
            Instant t = Instant.parse(rfc3339);
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }
}
