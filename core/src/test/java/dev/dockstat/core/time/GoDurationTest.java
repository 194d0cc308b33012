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
        "+5s, 5000000000", "1h1m1s1ms1us1ns, 3661001001001",
        // the edges of 64 bits, as Go has them: the most negative duration is one more than the most positive
        "9223372036854775807ns, 9223372036854775807", "-9223372036854775808ns, -9223372036854775808",
        "2562047h, 9223369200000000000", "0.000000001s, 1", "1.0000000001s, 1000000000", "1.5h, 5400000000000"})
    void readsWhatGoReads(String value, long nanos) {
        assertEquals(nanos, GoDuration.nanos(value));
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(" " + value + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "ten", "1x", "5 s", ".s", "1h-5m", "s", "-", "1e3s", "+", "1.2.3s", "5sms",
        "9223372036854775808ns", "2562048h", "9223372036854775807ns1ns", "99999999999999999999s"})
    void refusesWhatGoRefuses(String value) {
        assertNull(GoDuration.nanos(value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(value));
        assertEquals("'" + value + "' is not a duration (e.g. 500ms, 5s, 10m, 1h30m)", e.getMessage());
    }
}
