package dev.dockstat.core.time;

import java.time.Duration;

/** Durations as Go and docker users write them: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h30m}. */
public final class GoDuration {

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
     * Go's {@code time.ParseDuration} in nanoseconds, or null when {@code value} is not a duration
     * or does not fit in 64 bits. Go's own algorithm: whole numbers in integer arithmetic, a
     * fraction as {@code fraction * (unit / scale)} in floating point, so {@code 1.1s} is 1.1 s
     * exactly and overlong fractions round as Go rounds them. Both micro signs are units of
     * microseconds ({@code µ} U+00B5 and {@code μ} U+03BC), as in Go.
     * Before 2026-12-01 this was decimal arithmetic on a regular expression's matches, which
     * wrapped silently where Go refuses ({@code 99999999999999999999s} was a negative duration).
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
        long total = 0; // unsigned, at most 2^63 (Long.MIN_VALUE's bits): the magnitude of the most negative duration
        int at = 0;
        while (at < s.length()) {
            int intStart = at;
            long whole = 0;
            for (; at < s.length() && isDigit(s.charAt(at)); at++) {
                if (Long.compareUnsigned(whole, LIMIT / 10) > 0) {
                    return null;
                }
                whole = whole * 10 + (s.charAt(at) - '0');
                if (Long.compareUnsigned(whole, LIMIT) > 0) {
                    return null;
                }
            }
            boolean digitsBefore = at > intStart;
            long fraction = 0;
            double scale = 1;
            boolean digitsAfter = false;
            if (at < s.length() && s.charAt(at) == '.') {
                at++;
                boolean dropping = false; // digits past 2^63 no longer change the value, as in Go
                for (; at < s.length() && isDigit(s.charAt(at)); at++) {
                    digitsAfter = true;
                    if (dropping || Long.compareUnsigned(fraction, LIMIT / 10) > 0) {
                        dropping = true;
                        continue;
                    }
                    long next = fraction * 10 + (s.charAt(at) - '0');
                    if (Long.compareUnsigned(next, LIMIT) > 0) {
                        dropping = true;
                        continue;
                    }
                    fraction = next;
                    scale *= 10;
                }
            }
            if (!digitsBefore && !digitsAfter) {
                return null;
            }
            int unitStart = at;
            while (at < s.length() && s.charAt(at) != '.' && !isDigit(s.charAt(at))) {
                at++;
            }
            long unit = unitNanos(s.substring(unitStart, at));
            if (unit == 0 || Long.compareUnsigned(whole, Long.divideUnsigned(LIMIT, unit)) > 0) {
                return null;
            }
            long part = whole * unit;
            if (fraction > 0) {
                part += (long) (fraction * (unit / scale));
                if (Long.compareUnsigned(part, LIMIT) > 0) {
                    return null;
                }
            }
            total += part;
            if (Long.compareUnsigned(total, LIMIT) > 0 || Long.compareUnsigned(total, part) < 0) {
                return null;
            }
        }
        if (negative) {
            return -total;
        }
        return total < 0 ? null : total; // 2^63 is only a negative duration
    }

    /** 2^63 as an unsigned long. */
    private static final long LIMIT = Long.MIN_VALUE;

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Nanoseconds in a unit, 0 for an unknown or missing one. */
    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 0L;
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
