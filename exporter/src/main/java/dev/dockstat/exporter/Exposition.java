package dev.dockstat.exporter;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One scrape's answer, from what is there (a scrape never calls an engine): each container family
 * once, its header then every engine's cached lines ({@link EngineLines}), as the text formats
 * want a family's lines together; then the rest, few lines rendered by the client library at
 * each scrape (the engines' own series, the JVM's), which ends an OpenMetrics answer with
 * {@code # EOF}.
 */
final class Exposition {

    /** The answer as byte arrays to send in order, and their total length (for Content-Length). */
    record Body(List<byte[]> parts, long length) {

        static Body of(List<byte[]> parts) {
            long length = 0;
            for (byte[] p : parts) {
                length += p.length;
            }
            return new Body(parts, length);
        }

        void writeTo(OutputStream out) throws IOException {
            for (byte[] p : parts) {
                out.write(p);
            }
        }
    }

    private static final int FAMILIES = ContainerFamily.ALL.size();
    private static final byte[][][] HEADERS = new byte[ExpositionFormat.values().length][FAMILIES][];
    private static final byte[][][] DEFLATED_HEADERS = new byte[ExpositionFormat.values().length][FAMILIES][];

    static {
        for (ExpositionFormat format : ExpositionFormat.values()) {
            for (int f = 0; f < FAMILIES; f++) {
                HEADERS[format.ordinal()][f] = ContainerFamily.ALL.get(f).header(format);
                DEFLATED_HEADERS[format.ordinal()][f] = GzipBody.deflate(HEADERS[format.ordinal()][f]);
            }
        }
    }

    private final Supplier<List<EngineSnapshot>> engines;
    private final PrometheusRegistry rest;
    private final ExpositionFormats writers;

    /**
     * @param engines the engines' latest rounds
     * @param rest what the client library renders at each scrape
     * @param writers the library's writers, configured as the exporter's properties say
     */
    Exposition(Supplier<List<EngineSnapshot>> engines, PrometheusRegistry rest, ExpositionFormats writers) {
        this.engines = engines;
        this.rest = rest;
        this.writers = writers;
    }

    Body body(ExpositionFormat format, boolean gzip) throws IOException {
        List<EngineLines> lines = new ArrayList<>();
        for (EngineSnapshot engine : engines.get()) {
            if (!engine.lines().isEmpty()) {
                lines.add(engine.lines());
            }
        }
        byte[] tail = rest(format);
        int fmt = format.ordinal();
        if (!gzip) {
            List<byte[]> parts = new ArrayList<>(FAMILIES * (lines.size() + 1) + 1);
            for (int f = 0; f < FAMILIES && !lines.isEmpty(); f++) {
                parts.add(HEADERS[fmt][f]);
                for (EngineLines engine : lines) {
                    parts.add(engine.plain(format, f));
                }
            }
            parts.add(tail);
            return Body.of(parts);
        }
        GzipBody body = new GzipBody();
        for (int f = 0; f < FAMILIES && !lines.isEmpty(); f++) {
            body.add(HEADERS[fmt][f], DEFLATED_HEADERS[fmt][f]);
            for (EngineLines engine : lines) {
                body.add(engine.plain(format, f), engine.deflated(format, f));
            }
        }
        body.add(tail, GzipBody.deflate(tail));
        return Body.of(body.finish());
    }

    /** The Content-Type, as the client library names its format. */
    String contentType(ExpositionFormat format) {
        return writer(format).getContentType();
    }

    private byte[] rest(ExpositionFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writer(format).write(out, rest.scrape());
        return out.toByteArray();
    }

    private ExpositionFormatWriter writer(ExpositionFormat format) {
        return format == ExpositionFormat.TEXT ? writers.getPrometheusTextFormatWriter() : writers.getOpenMetricsTextFormatWriter();
    }
}
