package dev.dockstat.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** --since/--until as docker's GetTimestamp reads them. */
class EventTimeTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:30.750Z");
    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static String parse(String value) {
        return EventTime.parse(value, NOW, UTC);
    }

    @Test
    void durationsCountBackFromNowInWholeSeconds() {
        long now = NOW.getEpochSecond();
        assertEquals(Long.toString(now - 600), parse("10m"));
        assertEquals(Long.toString(now - 5400), parse("1h30m"));
        assertEquals(Long.toString(now - 90), parse("90s"));
        assertEquals(Long.toString(now), parse("250ms"), "30.750 - 0.250 is still second 30");
        assertEquals(Long.toString(now - 1), parse("1s"));
        assertEquals(Long.toString(now), parse("0s"));
        assertEquals(Long.toString(now + 60), parse("-1m"), "a negative duration is in the future, as in Go");
        assertEquals(Long.toString(now - 5400), parse("1.5h"));
    }

    @Test
    void rfc3339WithAndWithoutFractionAndZone() {
        assertEquals("1795420800.000000000", parse("2026-11-23T08:00:00Z"));
        assertEquals("1795420800.123456789", parse("2026-11-23T08:00:00.123456789Z"));
        assertEquals("1795420800.500000000", parse("2026-11-23T09:00:00.5+01:00"));
        assertEquals("1795420800.000000000", parse("2026-11-23T03:00:00-05:00"));
        assertEquals("1795417200.000000000", EventTime.parse("2026-11-23T08:00:00", NOW, BERLIN), "no zone = local time");
        assertEquals("1795420800.000000000", parse("2026-11-23T08:00"));
        assertEquals("1795420800.000000000", parse("2026-11-23T08"));
        assertEquals("1795392000.000000000", parse("2026-11-23"));
    }

    @Test
    void unixTimestampsPassThroughAsTyped() {
        assertEquals("1795420800", parse("1795420800"));
        assertEquals("1795420800.5", parse("1795420800.5"));
        assertEquals("0", parse("0"), "0 is a timestamp, not a duration");
    }

    @Test
    void anythingElseIsRejectedWithDockersWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("10q"));
        assertEquals("failed to parse value as time or duration: \"10q\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("2026-13-45"));
        assertThrows(IllegalArgumentException.class, () -> parse("yesterday"));
    }

    @Test
    void engineTimestampsReadAsNanoseconds() {
        assertEquals(1_795_420_800_500_000_000L, EventTime.toNanos("1795420800.5"));
        assertEquals(1_795_420_800_000_000_123L, EventTime.toNanos("1795420800.000000123"));
        assertEquals(1_795_420_800_000_000_000L, EventTime.toNanos("1795420800"));
    }

    @Test
    void goDurationsFollowGosGrammar() {
        assertEquals(90_000_000_000L, EventTime.goDuration("1m30s"));
        assertEquals(1_500L, EventTime.goDuration("1.5µs"));
        assertNull(EventTime.goDuration("10"), "a bare number needs a unit");
        assertNull(EventTime.goDuration("m"));
        assertNull(EventTime.goDuration("1d"));
    }
}
