package dev.dockstat.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Any instant written the ways docker accepts reads back as the same engine timestamp. */
class EventTimeProperties {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Property
    void rfc3339NanoRoundTrips(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = -12, max = 14) int offsetHours) {
        Instant t = Instant.ofEpochSecond(seconds, nanos);
        String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.ofHours(offsetHours)));
        String api = EventTime.parse(text, NOW, ZoneId.of("UTC"));
        assertEquals(String.format("%d.%09d", seconds, nanos), api, text);
        assertEquals(seconds * 1_000_000_000L + nanos, EventTime.toNanos(api));
    }

    @Property
    void durationsAreWholeSecondsBeforeNow(@ForAll @IntRange(min = 0, max = 100_000) int secondsAgo) {
        assertEquals(Long.toString(NOW.getEpochSecond() - secondsAgo),
                EventTime.parse(secondsAgo + "s", NOW, ZoneId.of("UTC")));
    }
}
