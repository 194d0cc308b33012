package dev.dockstat.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Clock readings and the time formats dockerd writes and reads. */
final class Times {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private Times() {}

    /** Now in unix nanoseconds (the JDK's clock has microsecond resolution or better on Linux). */
    static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static volatile long dateSecond;
    private static volatile String dateValue = "";

    /** The {@code Date} header for now; formatted once a second at most. */
    static String httpDate() {
        long second = System.currentTimeMillis() / 1000;
        if (second != dateSecond) {
            dateValue = HTTP_DATE.format(Instant.ofEpochSecond(second));
            dateSecond = second;
        }
        return dateValue;
    }

    /**
     * Unix nanoseconds as Go's {@code time.Time} marshals them: RFC 3339 with the fraction's trailing
     * zeros dropped ({@code 2026-11-30T23:29:50.78965266Z}); 0 is Go's zero time.
     */
    static String rfc3339(long unixNanos) {
        if (unixNanos == 0) {
            return "0001-01-01T00:00:00Z";
        }
        long seconds = Math.floorDiv(unixNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(unixNanos, 1_000_000_000L);
        String base = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC).toLocalDateTime().withNano(0));
        if (nanos == 0) {
            return base + "Z";
        }
        String fraction = String.format("%09d", nanos);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        return base + "." + fraction.substring(0, end) + "Z";
    }

    /**
     * A {@code since}/{@code until} value as dockerd reads it, in unix nanoseconds: unix seconds with an
     * optional fraction, an RFC 3339 time, or a Go duration meaning that long before now.
     *
     * @throws IllegalArgumentException when it is none of these
     */
    static long parseTimestamp(String value, long nowNanos) {
        if (value.isEmpty()) {
            return 0;
        }
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            int dot = value.indexOf('.');
            long seconds = Long.parseLong(dot < 0 ? value : value.substring(0, dot));
            long fraction = 0;
            if (dot >= 0) {
                String digits = value.substring(dot + 1);
                digits = digits.length() > 9 ? digits.substring(0, 9) : digits;
                fraction = Long.parseLong(digits) * (long) Math.pow(10, 9 - digits.length());
            }
            return seconds * 1_000_000_000L + fraction;
        }
        if (value.matches("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+")) {
            return nowNanos - goDuration(value).toNanos();
        }
        try {
            Instant t = OffsetDateTime.parse(value).toInstant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (DateTimeParseException notRfc3339) {
            throw new IllegalArgumentException("failed to parse value as time or duration: \"" + value + "\"");
        }
    }

    private static Duration goDuration(String value) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)").matcher(value);
        double nanos = 0;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
        }
        return Duration.ofNanos((long) nanos);
    }

    /** How long ago, as the docker CLI's and dockerd's {@code Status} say it ({@code Up 3 minutes}). */
    static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toSeconds() / 3600.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }
}
