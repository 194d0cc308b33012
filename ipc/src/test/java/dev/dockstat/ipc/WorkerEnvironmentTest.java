package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockstat.core.engine.WatchSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkerEnvironmentTest {

    final List<String> stderr = new ArrayList<>();

    @ParameterizedTest
    @CsvSource({"true, false", "1, false", "false, true", "0, true", "yes, true", "TRUE, true", "'', true"})
    void skipDfCollectionIsSetOnlyByTrueOrOneAsDockhandReadsIt(String value, boolean diskEnabled) {
        assertEquals(diskEnabled, WorkerEnvironment.of(Map.of("SKIP_DF_COLLECTION", value), stderr::add).settings().diskEnabled());
    }

    @Test
    void defaultsAreTheGoWorkers() {
        WorkerEnvironment w = WorkerEnvironment.of(Map.of(), stderr::add);
        assertEquals(WatchSettings.DEFAULTS, w.settings());
        assertEquals(Duration.ofSeconds(10), w.settings().diskDelay());
        assertEquals(Duration.ofMinutes(5), w.settings().diskInterval());
        assertEquals(Duration.ofSeconds(30), w.settings().metricsInterval());
    }

    @Test
    void diskPacingComesFromTheEnvironmentAndNonsenseIsReported() {
        WatchSettings s = WorkerEnvironment.of(Map.of("DOCKSTAT_DISK_DELAY_MS", "0", "DOCKSTAT_DISK_INTERVAL_MS", "2500"), stderr::add).settings();
        assertEquals(Duration.ZERO, s.diskDelay());
        assertEquals(Duration.ofMillis(2500), s.diskInterval());
        WatchSettings bad = WorkerEnvironment.of(Map.of("DOCKSTAT_DISK_INTERVAL_MS", "soon"), stderr::add).settings();
        assertEquals(Duration.ofMinutes(5), bad.diskInterval());
        assertEquals(List.of("DOCKSTAT_DISK_INTERVAL_MS=soon is not a number of milliseconds >= 1; using 300000"), stderr);
    }

    @Test
    void theHeapTrimIsEveryTenMinutesUnlessSetAndZeroTurnsItOff() {
        assertEquals(Duration.ofMinutes(10), WorkerEnvironment.of(Map.of(), stderr::add).heapTrim());
        assertEquals(Duration.ZERO, WorkerEnvironment.of(Map.of("DOCKSTAT_HEAP_TRIM_MS", "0"), stderr::add).heapTrim());
        assertEquals(Duration.ofMillis(50), WorkerEnvironment.of(Map.of("DOCKSTAT_HEAP_TRIM_MS", "50"), stderr::add).heapTrim());
        assertEquals(Duration.ofMinutes(10), WorkerEnvironment.of(Map.of("DOCKSTAT_HEAP_TRIM_MS", "-1"), stderr::add).heapTrim());
        assertEquals(List.of("DOCKSTAT_HEAP_TRIM_MS=-1 is not a number of milliseconds >= 0; using 600000"), stderr);
    }
}
