package dev.dockstat.core.time;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Go and docker users write them: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h30m}. */
public final class GoDuration {

    /** One number and unit; a number may start or end with its point ({@code .5s}, {@code 1.s}), as in Go. */
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private GoDuration() {}

    /**
     * As Go's {@code time.ParseDuration} reads it: an optional sign, then number-unit pairs, or a
     * bare {@code 0}; surrounding blanks ignored.
     *
     * @throws IllegalArgumentException naming the value, e.g. {@code 'ten' is not a duration (e.g. 500ms, 5s, 10m, 1h30m)}
     */
    public static Duration parse(String value) {
        Long nanos = value == null ? null : nanos(value.strip());
        if (nanos == null) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (e.g. 500ms, 5s, 10m, 1h30m)");
        }
        return Duration.ofNanos(nanos);
    }

    /**
     * Go's {@code time.ParseDuration} in nanoseconds, exactly (decimal arithmetic, no rounding of
     * {@code 1.1s}), or null when {@code value} is not a duration. Both micro signs are units of
     * microseconds ({@code µ} U+00B5 and {@code μ} U+03BC), as in Go.
     */
    public static Long nanos(String value) {
        String s = value;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0L;
        }
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = PART.matcher(s);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            String number = m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1);
            total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        long nanos = total.longValue();
        return negative ? -nanos : nanos;
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L; // h
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
