package dev.dockstat.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockstat.core.df.DiskUsage;
import dev.dockstat.core.model.StatsSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Podman's Docker-compatible service (measured on 4.3.1, docs/podman.md), brought to dockerd's meaning.
 *
 * <p>CPU: dockerd's {@code system_cpu_usage} is the host's CPU time including idle, so it grows by
 * elapsed time times the CPUs and {@code cpuDelta / systemDelta * cpus} is the container's share
 * of wall time. Podman sends the host's <em>busy</em> time there (the root cgroup's usage), which
 * grows only as fast as the host works: on a quiet host the interval shrinks toward the
 * container's own use and the figure reads near 100 % per CPU whatever the container does. The
 * reading's own time ({@code read}, taken where the counters are read) is the right clock, so
 * the host counter is rebuilt from it: elapsed nanoseconds times the online CPUs.
 *
 * <p>Its previous reading ({@code precpu_stats}) is empty in {@code stream=false} answers and a
 * few milliseconds old in the first frame of a stream: an interval of a few scheduler ticks that
 * reads anything from 0 to the limit. Shorter than {@link #MIN_PRECPU_NANOS} it counts as absent,
 * so dockstat's own earlier sample gives the interval, as for dockerd's one-shot readings.
 *
 * <p>Disk: {@code LayersSize} is 0; each image's {@code Size} is its whole size with
 * {@code SharedSize} 0, and {@code podman system df} adds those, so dockstat does too.
 */
final class PodmanFlavour implements EngineFlavour {

    /** Below this a precpu interval measures scheduler ticks, not use (Podman's first frame: ~4 ms). */
    static final long MIN_PRECPU_NANOS = 100_000_000L;
    /** How far before the first reading the rebuilt host counter starts, so a precpu time stays above it. */
    private static final long ORIGIN_MARGIN_NANOS = 3_600_000_000_000L;

    private static final Duration ONE_TICK = Duration.ofSeconds(1);
    /** How far ahead a bounded events read must end for Podman to send its history (measured: 2 s suffice). */
    static final long UNTIL_LEAD_NANOS = 3_000_000_000L;

    private final String version;
    /**
     * The rebuilt counter counts from here (unix ns), not from 1970: elapsed ns since 1970 times
     * 64 CPUs would overflow a long; from a recent origin it lasts decades at 256 CPUs.
     */
    private final AtomicLong origin = new AtomicLong(Long.MIN_VALUE);

    PodmanFlavour(String version) {
        this.version = version;
    }

    @Override
    public String name() {
        return version.isEmpty() ? "podman" : "podman " + version;
    }

    @Override
    public StatsSample stats(StatsSample raw, long prereadNanos) {
        if (raw.readNanos() == 0) {
            return raw; // a stopped container: all zero, as dockerd's
        }
        int cpus = Math.max(1, raw.onlineCpus());
        long from = origin.updateAndGet(o -> o == Long.MIN_VALUE ? raw.readNanos() - ORIGIN_MARGIN_NANOS : o);
        long system = hostCpu(raw.readNanos(), from, cpus);
        long preread = prereadNanos;
        boolean precpu = raw.preCpuTotal() != StatsSample.ABSENT && preread > from
                && raw.readNanos() - preread >= MIN_PRECPU_NANOS;
        return new StatsSample(raw.id(), raw.name(), raw.readNanos(), raw.cpuTotal(), system, raw.onlineCpus(),
                precpu ? raw.preCpuTotal() : StatsSample.ABSENT,
                precpu ? hostCpu(preread, from, cpus) : StatsSample.ABSENT,
                raw.memUsage(), raw.memLimit(), raw.inactiveFile(), raw.totalInactiveFile(),
                raw.netRx(), raw.netTx(), raw.blkRead(), raw.blkWrite(), raw.pids());
    }

    private static long hostCpu(long atNanos, long from, int cpus) {
        return (atNanos - from) * cpus;
    }

    /**
     * Podman reads the cgroup when asked, so two one-shot requests in a row are microseconds apart
     * and measure nothing (or a few CFS periods: anything from 0 to 100 %); dockerd's collector
     * ticks each second and answers one-shot requests at the next tick.
     */
    @Override
    public Duration collectorTick() {
        return ONE_TICK;
    }

    /**
     * Podman (4.3.1, events in its file log) answers a window whose {@code until} has already passed
     * with no events at all, and cuts any read at {@code until} by its own clock, however much
     * history it still had to send. So a window that ends in the past, or about now, is asked for
     * with an end {@link #UNTIL_LEAD_NANOS} ahead. The client drops what comes after the real end.
     */
    @Override
    public EventQuery events(EventQuery query, long engineNowNanos) {
        long until = EventQuery.nanos(query.until());
        if (until == Long.MIN_VALUE || until > engineNowNanos + UNTIL_LEAD_NANOS) {
            return query;
        }
        return query.until(EventQuery.timestamp(engineNowNanos + UNTIL_LEAD_NANOS));
    }

    @Override
    public DiskUsage diskUsage(DiskUsage raw) {
        if (raw.layersSize() > 0) {
            return raw;
        }
        long layers = 0;
        for (DiskUsage.Image image : raw.images()) {
            layers += uniqueSize(image.size(), image.sharedSize());
        }
        return new DiskUsage(layers, raw.images(), raw.containers(), raw.volumes(), raw.buildCache());
    }

    /**
     * The same {@code LayersSize} as {@link #diskUsage}, written into the body itself: a reader of the
     * raw JSON (Dockhand sums {@code disk_usage.data}) would otherwise count Podman's images as 0 bytes.
     * Only that member changes; the rest keeps Podman's own shape (names without a slash, tags
     * without a repository), which no sum reads. A body that is not a JSON object goes on as it came.
     */
    @Override
    public byte[] diskUsageBody(byte[] raw) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            return raw; // the caller reports a body that is not JSON
        }
        if (!(root instanceof ObjectNode df) || df.path("LayersSize").asLong(0) > 0) {
            return raw;
        }
        long layers = 0;
        for (JsonNode image : df.path("Images")) {
            layers += uniqueSize(image.path("Size").asLong(0), image.path("SharedSize").asLong(0));
        }
        if (layers == 0) {
            return raw;
        }
        df.put("LayersSize", layers);
        try {
            return Json.MAPPER.writeValueAsBytes(df);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree just read always writes
        }
    }

    private static long uniqueSize(long size, long sharedSize) {
        return size > 0 ? size - Math.max(0, sharedSize) : 0;
    }
}
