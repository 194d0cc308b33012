package dev.dockstat.bench;

import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.StatsCalculator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The pure formulas for one reading: CPU from two samples, memory, the record the table shows. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StatsCalculatorBench {

    // two one-shot readings of a --cpus 0.5 burner one tick apart, cgroup v1, -m 64m
    StatsSample previous = new StatsSample("0123456789ab", "/burner", 1_700_000_000_000_000_000L,
            461_925_881_942L, 8_636_430_000_000L, 2, StatsSample.ABSENT, StatsSample.ABSENT,
            43_696_128L, 67_108_864L, 41_943_040L, 41_943_040L, 0, 0, 0, 0, 1);
    StatsSample current = new StatsSample("0123456789ab", "/burner", 1_700_000_001_000_000_000L,
            462_426_681_942L, 8_638_430_000_000L, 2, StatsSample.ABSENT, StatsSample.ABSENT,
            43_700_224L, 67_108_864L, 41_943_040L, 41_943_040L, 0, 0, 0, 0, 1);

    @Benchmark
    public ContainerStats compute() {
        return StatsCalculator.compute(current, previous);
    }

    @Benchmark
    public double cpuPercent() {
        return StatsCalculator.cpuPercent(current, previous);
    }
}
