package dev.dockstat.synthetic;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One container of a synthetic engine. Its counters are functions of time since it started, at the
 * rates drawn for it when it was created: CPU at the fleet's {@code --cpu} rate, memory around a
 * resident size with a page cache beside it, network and block I/O at steady rates.
 */
final class SyntheticContainer {

    final String id;
    final String name; // without the leading slash
    final ImageSpec image;
    final SortedMap<String, String> labels;
    final long createdNanos;
    final String networkId;
    final String endpointId;
    final String sandboxId;
    final int pid;
    private final double cpuNanosPerSecond;
    private final long rss;
    private final long cache;
    private final long netRxPerSecond;
    private final long netTxPerSecond;
    private final long blkReadPerSecond;
    private final long blkWritePerSecond;
    private final long blkReadAtStart;
    private final int pids;
    final long sizeRw;
    final long sizeRootFs;

    private volatile long startedNanos;
    private volatile long finishedNanos;
    private volatile boolean running;
    private volatile int exitCode;

    SyntheticContainer(String id, String name, ImageSpec image, SortedMap<String, String> labels, long createdNanos,
            double cpuPercent, String networkId, Random random) {
        this.id = id;
        this.name = name;
        this.image = image;
        this.labels = labels;
        this.createdNanos = createdNanos;
        this.networkId = networkId;
        this.endpointId = Ids.hex(random, 64);
        this.sandboxId = Ids.hex(random, 64);
        this.pid = 1000 + random.nextInt(60000);
        this.cpuNanosPerSecond = cpuPercent / 100.0 * 1e9;
        this.rss = (20L + random.nextInt(180)) << 20;
        this.cache = (4L + random.nextInt(60)) << 20;
        this.netRxPerSecond = 200 + random.nextInt(20_000);
        this.netTxPerSecond = 100 + random.nextInt(10_000);
        this.blkReadPerSecond = random.nextInt(4) * 4096L;
        this.blkWritePerSecond = random.nextInt(8) * 4096L;
        this.blkReadAtStart = (1L + random.nextInt(30)) << 20;
        this.pids = 1 + random.nextInt(30);
        this.sizeRw = random.nextInt(50) << 20;
        this.sizeRootFs = image.size() + sizeRw;
    }

    boolean running() {
        return running;
    }

    long startedNanos() {
        return startedNanos;
    }

    long finishedNanos() {
        return finishedNanos;
    }

    int exitCode() {
        return exitCode;
    }

    void start(long nowNanos) {
        startedNanos = nowNanos;
        finishedNanos = 0;
        running = true;
    }

    void stop(long nowNanos, int exitCode) {
        finishedNanos = nowNanos;
        this.exitCode = exitCode;
        running = false;
    }

    String state() {
        return running ? "running" : startedNanos == 0 ? "created" : "exited";
    }

    /** Seconds of running since start (or until it stopped), as counters see them. */
    private double uptimeSeconds(long nowNanos) {
        long end = running ? nowNanos : finishedNanos;
        return Math.max(0, end - startedNanos) / 1e9;
    }

    /** The container's counters at {@code nowNanos}, serialised as dockerd's stats object (cgroup v1). */
    Reading read(long nowNanos, SyntheticHost host) {
        double up = uptimeSeconds(nowNanos);
        long total = (long) (cpuNanosPerSecond * up) + 30_000_000L; // what starting it cost
        long user = total * 9 / 10 / 10_000_000L * 10_000_000L; // cpuacct.stat counts whole ticks
        long kernel = total / 10 / 10_000_000L * 10_000_000L;
        StringBuilder cpu = new StringBuilder(256);
        cpu.append("{\"cpu_usage\":{\"total_usage\":").append(total).append(",\"percpu_usage\":[");
        long left = total;
        for (int i = 0; i < host.cpus(); i++) {
            long share = i == host.cpus() - 1 ? left : total / host.cpus();
            left -= share;
            cpu.append(i == 0 ? "" : ",").append(share);
        }
        cpu.append("],\"usage_in_kernelmode\":").append(kernel).append(",\"usage_in_usermode\":").append(user)
                .append("},\"system_cpu_usage\":").append(host.systemCpuUsage(nowNanos))
                .append(",\"online_cpus\":").append(host.cpus())
                .append(",\"throttling_data\":{\"periods\":0,\"throttled_periods\":0,\"throttled_time\":0}}");

        long blkRead = blkReadAtStart + (long) (blkReadPerSecond * up);
        long blkWrite = (long) (blkWritePerSecond * up);
        long readOps = blkRead / 4096;
        long writeOps = blkWrite / 4096;
        StringBuilder before = new StringBuilder(1024);
        before.append("\"pids_stats\":{\"current\":").append(pids).append("},\"blkio_stats\":{\"io_service_bytes_recursive\":");
        blkio(before, blkRead, blkWrite);
        before.append(",\"io_serviced_recursive\":");
        blkio(before, readOps, writeOps);
        before.append(",\"io_queue_recursive\":[],\"io_service_time_recursive\":[],\"io_wait_time_recursive\":[],"
                + "\"io_merged_recursive\":[],\"io_time_recursive\":[],\"sectors_recursive\":[]},"
                + "\"num_procs\":0,\"storage_stats\":{},\"cpu_stats\":");

        // memory breathes a little around its resident size; the page cache grows with what was read
        long wobble = (long) (rss * 0.02 * Math.sin(up / 60.0));
        long anon = rss + wobble;
        long pageCache = Math.min(cache + blkRead, cache * 4);
        long usage = anon + pageCache;
        long activeFile = pageCache / 4;
        long inactiveFile = pageCache - activeFile;
        long faults = (long) (up * 40) + 1000;
        StringBuilder after = new StringBuilder(1536);
        after.append(",\"memory_stats\":{\"usage\":").append(usage).append(",\"max_usage\":").append(usage + (rss / 10))
                .append(",\"stats\":{\"active_anon\":").append(anon / 8).append(",\"active_file\":").append(activeFile)
                .append(",\"cache\":").append(pageCache).append(",\"dirty\":0")
                .append(",\"hierarchical_memory_limit\":9223372036854771712,\"hierarchical_memsw_limit\":9223372036854771712")
                .append(",\"inactive_anon\":").append(anon - anon / 8).append(",\"inactive_file\":").append(inactiveFile)
                .append(",\"mapped_file\":").append(pageCache / 3).append(",\"pgfault\":").append(faults)
                .append(",\"pgmajfault\":").append(faults / 500).append(",\"pgpgin\":").append(faults + usage / 4096)
                .append(",\"pgpgout\":").append(faults).append(",\"rss\":").append(anon).append(",\"rss_huge\":0")
                .append(",\"total_active_anon\":").append(anon / 8).append(",\"total_active_file\":").append(activeFile)
                .append(",\"total_cache\":").append(pageCache).append(",\"total_dirty\":0")
                .append(",\"total_inactive_anon\":").append(anon - anon / 8).append(",\"total_inactive_file\":").append(inactiveFile)
                .append(",\"total_mapped_file\":").append(pageCache / 3).append(",\"total_pgfault\":").append(faults)
                .append(",\"total_pgmajfault\":").append(faults / 500).append(",\"total_pgpgin\":").append(faults + usage / 4096)
                .append(",\"total_pgpgout\":").append(faults).append(",\"total_rss\":").append(anon)
                .append(",\"total_rss_huge\":0,\"total_unevictable\":0,\"total_writeback\":0,\"unevictable\":0,\"writeback\":0}")
                .append(",\"limit\":").append(host.memTotal()).append('}');
        after.append(",\"name\":");
        Json.quote(after, "/" + name);
        after.append(",\"id\":\"").append(id).append('"');
        long rx = (long) (netRxPerSecond * up);
        long tx = (long) (netTxPerSecond * up);
        after.append(",\"networks\":{\"eth0\":{\"rx_bytes\":").append(rx).append(",\"rx_packets\":").append(rx / 600)
                .append(",\"rx_errors\":0,\"rx_dropped\":0,\"tx_bytes\":").append(tx).append(",\"tx_packets\":").append(tx / 400)
                .append(",\"tx_errors\":0,\"tx_dropped\":0}}}\n");
        return new Reading(nowNanos, "\"" + Times.rfc3339(nowNanos) + "\"", cpu.toString(), before.toString(), after.toString());
    }

    /** What dockerd answers for a container that is not running when no stream is asked for. */
    String emptyStats() {
        return "{\"read\":\"0001-01-01T00:00:00Z\",\"preread\":\"0001-01-01T00:00:00Z\",\"pids_stats\":{},"
                + "\"blkio_stats\":{\"io_service_bytes_recursive\":null,\"io_serviced_recursive\":null,\"io_queue_recursive\":null,"
                + "\"io_service_time_recursive\":null,\"io_wait_time_recursive\":null,\"io_merged_recursive\":null,"
                + "\"io_time_recursive\":null,\"sectors_recursive\":null},\"num_procs\":0,\"storage_stats\":{},"
                + "\"cpu_stats\":" + Reading.NO_CPU + ",\"precpu_stats\":" + Reading.NO_CPU + ",\"memory_stats\":{},"
                + "\"name\":" + Json.quote("/" + name) + ",\"id\":\"" + id + "\"}\n";
    }

    private static void blkio(StringBuilder b, long read, long write) {
        b.append("[{\"major\":254,\"minor\":0,\"op\":\"Read\",\"value\":").append(read)
                .append("},{\"major\":254,\"minor\":0,\"op\":\"Write\",\"value\":").append(write)
                .append("},{\"major\":254,\"minor\":0,\"op\":\"Sync\",\"value\":").append(read + write)
                .append("},{\"major\":254,\"minor\":0,\"op\":\"Async\",\"value\":0")
                .append("},{\"major\":254,\"minor\":0,\"op\":\"Discard\",\"value\":0")
                .append("},{\"major\":254,\"minor\":0,\"op\":\"Total\",\"value\":").append(read + write).append("}]");
    }

    /** Labels plus image and name, as dockerd puts them in a container event's attributes. */
    SortedMap<String, String> eventAttributes() {
        SortedMap<String, String> a = new TreeMap<>(labels);
        a.put("image", image.reference());
        a.put("name", name);
        return a;
    }
}
