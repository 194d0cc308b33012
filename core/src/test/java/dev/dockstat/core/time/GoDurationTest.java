package dev.dockstat.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one Go-duration reader (flags, plan files, event times) against what Go's time.ParseDuration accepts. */
class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0", "+0, 0", "500ms, 500000000", "5s, 5000000000", "1h30m, 5400000000000", ".5s, 500000000",
        "1.s, 1000000000", "1μs, 1000", "1µs, 1000", "1us, 1000", "1.1s, 1100000000", "-1.5m, -90000000000",
        "+5s, 5000000000", "1h1m1s1ms1us1ns, 3661001001001"})
    void readsWhatGoReads(String value, long nanos) {
        assertEquals(nanos, GoDuration.nanos(value));
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(" " + value + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "ten", "1x", "5 s", ".s", "1h-5m", "s", "-", "1e3s"})
    void refusesWhatGoRefuses(String value) {
        assertNull(GoDuration.nanos(value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(value));
        assertEquals("'" + value + "' is not a duration (e.g. 500ms, 5s, 10m, 1h30m)", e.getMessage());
    }
}
