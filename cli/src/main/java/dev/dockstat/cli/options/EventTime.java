package dev.dockstat.cli.options;

import dev.dockstat.core.time.GoDuration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * {@code --since} and {@code --until} values as the docker CLI reads them (its {@code GetTimestamp}):
 * a Go duration ({@code 10m}, {@code 1h30m}, {@code 90s}: that long before now, whole seconds), an
 * RFC 3339 time with or without fraction or zone (no zone = local time), a date, or unix seconds
 * with an optional fraction (passed to the engine as typed). The result is what the engine's
 * {@code since}/{@code until} parameters take.
 */
public final class EventTime {

    private static final Pattern UNIX = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private EventTime() {}

    /**
     * @param now the reference for durations and the zone for times without one
     * @throws IllegalArgumentException with docker's wording when the value is none of the above
     */
    public static String parse(String value, Instant now, ZoneId zone) {
        Long durationNanos = goDuration(value);
        if (!value.equals("0") && durationNanos != null) {
            return Long.toString(Math.floorDiv(now.getEpochSecond() * 1_000_000_000L + now.getNano() - durationNanos, 1_000_000_000L));
        }
        Instant t = parseTime(value, zone);
        if (t != null) {
            return String.format("%d.%09d", t.getEpochSecond(), t.getNano());
        }
        if (value.contains("-")) {
            throw new IllegalArgumentException("cannot parse \"" + value + "\" as an RFC 3339 time");
        }
        if (!UNIX.matcher(value).matches()) {
            throw new IllegalArgumentException("failed to parse value as time or duration: \"" + value + "\"");
        }
        return value;
    }

    /** An engine timestamp ({@code seconds[.fraction]}) in unix nanoseconds, as the engine reads it. */
    public static long toNanos(String timestamp) {
        return new BigDecimal(timestamp).movePointRight(9).longValue();
    }

    /** Go's {@code time.ParseDuration} in nanoseconds, or null when the value is not one. */
    static Long goDuration(String value) {
        return GoDuration.nanos(value);
    }

    /**
     * The time forms docker accepts: with a zone ({@code Z}, {@code +01:00}) or in local time,
     * down to the hour or the day; null when it is none of them.
     */
    private static Instant parseTime(String value, ZoneId zone) {
        boolean zoned = value.chars().anyMatch(c -> c == 'z' || c == 'Z' || c == '+')
                || value.chars().filter(c -> c == '-').count() == 3;
        String v = value.replace('z', 'Z');
        try {
            if (!v.contains("T")) {
                if (zoned) {
                    String date = v.substring(0, 10);
                    String offset = v.substring(10);
                    return LocalDate.parse(date).atStartOfDay(offset.equals("Z") ? ZoneId.of("Z") : ZoneId.of(offset)).toInstant();
                }
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            if (zoned) {
                return OffsetDateTime.parse(completeTime(v, true), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(completeTime(v, false), DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (java.time.DateTimeException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** {@code 2006-01-02T15} and {@code 2006-01-02T15:04} get the minutes and seconds ISO parsing needs. */
    private static String completeTime(String v, boolean zoned) {
        int t = v.indexOf('T');
        String time = v.substring(t + 1);
        String offset = "";
        if (zoned) {
            int z = Math.max(time.indexOf('Z'), Math.max(time.indexOf('+'), time.indexOf('-')));
            if (z >= 0) {
                offset = time.substring(z);
                time = time.substring(0, z);
            }
        }
        long colons = time.chars().filter(c -> c == ':').count();
        if (colons == 0) {
            time += ":00:00";
        } else if (colons == 1) {
            time += ":00";
        }
        return v.substring(0, t + 1) + time + offset;
    }
}
