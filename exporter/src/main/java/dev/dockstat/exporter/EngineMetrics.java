package dev.dockstat.exporter;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Per-engine series: reachability, collection duration, rounds, errors, containers read. */
final class EngineMetrics {

    private EngineMetrics() {}

    static List<MetricSnapshot> snapshots(List<EngineSnapshot> engines) {
        return List.of(
                gauge("dockstat_engine_up", "Whether the last collection round reached the engine (1) or not (0).", null,
                        engines, e -> e.up() ? 1 : 0),
                gauge("dockstat_collection_duration_seconds", "Duration of the last collection round.", Unit.SECONDS,
                        engines, e -> e.roundDuration().toNanos() / 1e9),
                gauge("dockstat_containers", "Containers read in the last collection round.", null,
                        engines, e -> e.containers().size()),
                counter("dockstat_collection_rounds", "Collection rounds run.", engines, EngineSnapshot::rounds),
                counter("dockstat_collection_errors", "Collection rounds that could not reach the engine.", engines, EngineSnapshot::errors));
    }

    private static MetricSnapshot gauge(String name, String help, Unit unit, List<EngineSnapshot> engines,
            ToDoubleFunction<EngineSnapshot> value) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            b.unit(unit);
        }
        for (EngineSnapshot e : engines) {
            b.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("environment", e.environment()))
                    .value(value.applyAsDouble(e)).build());
        }
        return b.build();
    }

    private static MetricSnapshot counter(String name, String help, List<EngineSnapshot> engines,
            ToDoubleFunction<EngineSnapshot> value) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
        for (EngineSnapshot e : engines) {
            b.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("environment", e.environment()))
                    .value(value.applyAsDouble(e)).build());
        }
        return b.build();
    }
}
