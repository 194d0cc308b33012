package dev.dockstat.batch.run;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockstat.batch.plan.Plan;
import dev.dockstat.core.api.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows as NDJSON objects or CSV lines with a header: the same columns either way, so a CSV and an
 * NDJSON of one job carry the same data. A column may hold raw JSON (an event, a df body), which
 * NDJSON embeds as is and CSV quotes as text.
 */
final class Records {

    /**
     * A raw JSON value to embed without re-encoding. Line breaks (the engine ends its bodies with
     * one) become spaces, which JSON reads as whitespace, so a record stays one line.
     */
    record RawJson(byte[] bytes) {
        RawJson {
            bytes = bytes.clone();
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r') {
                    bytes[i] = ' ';
                }
            }
        }
    }

    private final Plan.Format format;
    private final List<String> columns;

    Records(Plan.Format format, List<String> columns) {
        this.format = format;
        this.columns = List.copyOf(columns);
    }

    /** The header line, or null for NDJSON. */
    String header() {
        return format == Plan.Format.CSV ? columns.stream().map(Records::csv).collect(Collectors.joining(",")) : null;
    }

    /** One line for values in column order (null = empty / JSON null; NaN = no value). */
    String line(Object... values) throws IOException {
        return format == Plan.Format.CSV ? csvLine(values) : jsonLine(values);
    }

    private String jsonLine(Object[] values) throws IOException {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                g.writeFieldName(columns.get(i));
                write(g, values[i]);
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case RawJson raw -> g.writeRawValue(new String(raw.bytes(), StandardCharsets.UTF_8));
            case Double d when d.isNaN() || d.isInfinite() -> g.writeNull();
            case Double d -> g.writeNumber(d);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            default -> g.writeString(String.valueOf(v));
        }
    }

    private String csvLine(Object[] values) {
        StringBuilder out = new StringBuilder(128);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values[i];
            if (v instanceof RawJson raw) {
                out.append(csv(new String(raw.bytes(), StandardCharsets.UTF_8)));
            } else if (v instanceof Double d) {
                out.append(d.isNaN() || d.isInfinite() ? "" : round(d));
            } else if (v != null) {
                out.append(csv(String.valueOf(v)));
            }
        }
        return out.toString();
    }

    private static String round(double d) {
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** RFC 4180: quote when needed, double the quotes inside. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
