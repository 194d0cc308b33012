package dev.dockstat.exporter;

import dev.dockstat.core.model.ContainerSummary;
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

/**
 * The reference for {@link EngineLines}: the same series built as the client library's snapshot
 * objects, which its writers render (serve-metrics' way before it rendered its own lines).
 */
final class LibraryRendering {

    private LibraryRendering() {}

    static MetricSnapshots snapshots(List<EngineSnapshot> engines) {
        List<MetricSnapshot> out = new ArrayList<>();
        for (ContainerFamily family : ContainerFamily.ALL) {
            if (family.counter()) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(family.name()).help(family.help());
                if (family.unit() != null) {
                    b.unit(new Unit(family.unit()));
                }
                each(engines, (labels, c) -> b.dataPoint(CounterDataPointSnapshot.builder().labels(labels)
                        .value(family.value().applyAsDouble(c.stats())).scrapeTimestampMillis(c.stats().sample().readNanos() / 1_000_000L).build()));
                out.add(b.build());
            } else {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family.name()).help(family.help());
                if (family.unit() != null) {
                    b.unit(new Unit(family.unit()));
                }
                each(engines, (labels, c) -> b.dataPoint(GaugeDataPointSnapshot.builder().labels(labels)
                        .value(family.value().applyAsDouble(c.stats())).scrapeTimestampMillis(c.stats().sample().readNanos() / 1_000_000L).build()));
                out.add(b.build());
            }
        }
        out.addAll(EngineMetrics.snapshots(engines));
        return new MetricSnapshots(out);
    }

    private interface PointSink {
        void add(Labels labels, EngineSnapshot.Container c);
    }

    private static void each(List<EngineSnapshot> engines, PointSink sink) {
        for (EngineSnapshot engine : engines) {
            for (EngineSnapshot.Container c : engine.containers()) {
                sink.add(labels(engine.environment(), c.summary()), c);
            }
        }
    }

    private static Labels labels(String environment, ContainerSummary c) {
        Labels labels = Labels.EMPTY;
        String[][] pairs = {{"environment", environment}, {"name", c.name()}, {"id", c.shortId()}, {"image", c.image()},
            {"container_label_com_docker_compose_project", c.labels().getOrDefault("com.docker.compose.project", "")},
            {"container_label_com_docker_compose_service", c.labels().getOrDefault("com.docker.compose.service", "")}};
        for (String[] pair : pairs) {
            if (!pair[1].isEmpty()) {
                labels = labels.add(pair[0], pair[1]);
            }
        }
        return labels;
    }
}
