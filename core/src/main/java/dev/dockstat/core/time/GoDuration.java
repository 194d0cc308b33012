package dev.dockstat.core.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Go and docker users write them: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h30m}. */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    /** @throws IllegalArgumentException naming the value, e.g. {@code 'ten' is not a duration (e.g. 500ms, 5s, 10m, 1h30m)} */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.strip();
        boolean negative = v.startsWith("-");
        if (negative) {
            v = v.substring(1);
        }
        Matcher m = PART.matcher(v);
        double nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            end = m.end();
        }
        if (v.isEmpty() || end != v.length()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (e.g. 500ms, 5s, 10m, 1h30m)");
        }
        Duration d = Duration.ofNanos((long) nanos);
        return negative ? d.negated() : d;
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }

    /** Go's way of printing a duration, shortest form: {@code 2s}, {@code 1m30s}, {@code 500ms}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() < 1000 && d.toNanos() % 1_000_000 == 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long h = d.toHours();
        long m = d.toMinutesPart();
        double s = d.toSecondsPart() + d.toNanosPart() / 1e9;
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0) {
            out.append(s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)).append('s');
        }
        return out.toString();
    }
}
