package dev.dockstat.core.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Parameters of {@code GET /events}.
 *
 * @param since engine time to start from, as the API takes it: unix seconds, optionally with a
 *     9-digit nanosecond fraction ({@code 1700000000.123456789}); null = from now
 * @param until when the engine should end the response, same format; null = follow forever
 * @param filters engine filters, e.g. {@code type=[container]}
 */
public record EventQuery(String since, String until, Map<String, List<String>> filters) {

    public EventQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    /** Container events only: the real engine-side filter ({@code ?type=container} is ignored by the engine). */
    public static EventQuery containers() {
        return new EventQuery(null, null, Map.of("type", List.of("container")));
    }

    public EventQuery since(String value) {
        return new EventQuery(value, until, filters);
    }

    public EventQuery until(String value) {
        return new EventQuery(since, value, filters);
    }

    /** Unix nanoseconds in the API's {@code seconds.nanoseconds} form. */
    public static String timestamp(long unixNanos) {
        return String.format("%d.%09d", Math.floorDiv(unixNanos, 1_000_000_000L), Math.floorMod(unixNanos, 1_000_000_000L));
    }

    /**
     * Unix nanoseconds of a {@code seconds[.fraction]} timestamp as {@link #timestamp} writes it;
     * {@link Long#MIN_VALUE} for anything else (the engine parses those itself).
     */
    static long nanos(String timestamp) {
        if (timestamp == null) {
            return Long.MIN_VALUE;
        }
        try {
            int dot = timestamp.indexOf('.');
            long seconds = Long.parseLong(dot < 0 ? timestamp : timestamp.substring(0, dot));
            long fraction = 0;
            if (dot >= 0) {
                String digits = (timestamp.substring(dot + 1) + "000000000").substring(0, 9);
                fraction = Long.parseLong(digits);
            }
            return Math.multiplyExact(seconds, 1_000_000_000L) + fraction;
        } catch (RuntimeException notSeconds) {
            return Long.MIN_VALUE;
        }
    }

    String toQueryString() {
        Map<String, String> params = new LinkedHashMap<>();
        if (since != null) {
            params.put("since", since);
        }
        if (until != null) {
            params.put("until", until);
        }
        if (!filters.isEmpty()) {
            params.put("filters", filtersJson());
        }
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + DockerClient.encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** {@code {"type":["container"]}}, keys sorted. */
    private String filtersJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonStream.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            for (var e : new TreeMap<>(filters).entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (String v : e.getValue()) {
                    g.writeString(v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
