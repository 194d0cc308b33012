package dev.dockstat.exporter;

import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.ContainerStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Builds the exposition from the engines' latest snapshots at scrape time (cheap: no engine call).
 *
 * <p>Values are the engine's raw counters and gauges, so Prometheus computes rates itself; metric
 * names are cAdvisor's where it has one, so existing dashboards work. Container samples carry the
 * engine's reading time as their timestamp: a rate then spans exactly the engine's interval, not
 * the scrape's.
 */
final class ContainerMetricsCollector implements MultiCollector {

    static final String[] LABELS = {"environment", "name", "id", "image",
        "container_label_com_docker_compose_project", "container_label_com_docker_compose_service"};

    private final Supplier<List<EngineSnapshot>> engines;

    ContainerMetricsCollector(Supplier<List<EngineSnapshot>> engines) {
        this.engines = engines;
    }

    private record Series(String name, String help, Unit unit, boolean counter, ToDoubleFunction<ContainerStats> value) {}

    private static final List<Series> CONTAINER_SERIES = List.of(
            new Series("container_cpu_usage_seconds", "Cumulative CPU time consumed by the container.", Unit.SECONDS, true,
                    s -> s.sample().cpuTotal() / 1e9),
            new Series("container_memory_working_set_bytes", "Memory in use minus inactive file cache (docker stats MEM USAGE).",
                    Unit.BYTES, false, s -> s.memUsed()),
            new Series("container_memory_usage_bytes", "Memory usage including all caches.", Unit.BYTES, false,
                    s -> s.sample().memUsage()),
            new Series("container_spec_memory_limit_bytes", "Memory limit of the container (the host's memory when unlimited).",
                    Unit.BYTES, false, s -> s.sample().memLimit()),
            new Series("container_network_receive_bytes", "Cumulative bytes received, all interfaces.", Unit.BYTES, true,
                    s -> s.sample().netRx()),
            new Series("container_network_transmit_bytes", "Cumulative bytes transmitted, all interfaces.", Unit.BYTES, true,
                    s -> s.sample().netTx()),
            new Series("container_fs_reads_bytes", "Cumulative bytes read from block devices.", Unit.BYTES, true,
                    s -> s.sample().blkRead()),
            new Series("container_fs_writes_bytes", "Cumulative bytes written to block devices.", Unit.BYTES, true,
                    s -> s.sample().blkWrite()),
            new Series("container_processes", "Tasks in the container's pids cgroup (docker stats PIDS).", null, false,
                    s -> s.sample().pids()));

    /** One container's labels and stats, built once per scrape and shared by every series. */
    private record Point(Labels labels, ContainerStats stats, long readMillis) {}

    @Override
    public MetricSnapshots collect() {
        List<EngineSnapshot> snapshots = engines.get();
        List<Point> points = points(snapshots);
        List<MetricSnapshot> out = new ArrayList<>(CONTAINER_SERIES.size() + 5);
        for (Series series : CONTAINER_SERIES) {
            out.add(series.counter() ? counter(series, points) : gauge(series, points));
        }
        out.addAll(EngineMetrics.snapshots(snapshots));
        return new MetricSnapshots(out);
    }

    private static List<Point> points(List<EngineSnapshot> snapshots) {
        List<Point> points = new ArrayList<>();
        for (EngineSnapshot engine : snapshots) {
            for (EngineSnapshot.Container c : engine.containers()) {
                points.add(new Point(labels(engine.environment(), c.summary()), c.stats(), readMillis(c.stats().sample())));
            }
        }
        return points;
    }

    private static MetricSnapshot counter(Series series, List<Point> points) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(series.name()).help(series.help());
        if (series.unit() != null) {
            b.unit(series.unit());
        }
        for (Point p : points) {
            b.dataPoint(CounterDataPointSnapshot.builder().labels(p.labels())
                    .value(series.value().applyAsDouble(p.stats())).scrapeTimestampMillis(p.readMillis()).build());
        }
        return b.build();
    }

    private static MetricSnapshot gauge(Series series, List<Point> points) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(series.name()).help(series.help());
        if (series.unit() != null) {
            b.unit(series.unit());
        }
        for (Point p : points) {
            b.dataPoint(GaugeDataPointSnapshot.builder().labels(p.labels())
                    .value(series.value().applyAsDouble(p.stats())).scrapeTimestampMillis(p.readMillis()).build());
        }
        return b.build();
    }

    static Labels labels(String environment, ContainerSummary c) {
        return Labels.of(LABELS, new String[] {environment, c.name(), c.shortId(), c.image(),
            c.labels().getOrDefault("com.docker.compose.project", ""),
            c.labels().getOrDefault("com.docker.compose.service", "")});
    }

    private static long readMillis(StatsSample s) {
        return s.readNanos() > 0 ? s.readNanos() / 1_000_000L : System.currentTimeMillis();
    }
}
