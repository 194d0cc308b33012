package dev.dockstat.exporter;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Renders the exposition a few times, to nowhere, once the engines' first rounds are in: the JIT
 * then compiles the label checks and text writers before Prometheus asks, so the first real
 * scrapes are as fast as the later ones (interpreted, a 60-container scrape took 100-250 ms
 * instead of 10-15 and set the scrape-duration p99 on its own).
 */
final class ExpositionWarmUp {

    /** Enough renders for the client compiler's invocation thresholds on a 60-container exposition. */
    private static final int RENDERS = 5;

    private ExpositionWarmUp() {}

    static void after(List<CompletableFuture<Void>> firstRounds, PrometheusRegistry registry, PrometheusProperties properties) {
        ExpositionFormats formats = ExpositionFormats.init(properties.getExporterProperties());
        CompletableFuture.allOf(firstRounds.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> render(registry, formats), command -> Thread.ofVirtual().name("dockstat-warm-up").start(command));
    }

    private static void render(PrometheusRegistry registry, ExpositionFormats formats) {
        List<ExpositionFormatWriter> writers = List.of(formats.getPrometheusTextFormatWriter(), formats.getOpenMetricsTextFormatWriter());
        try {
            for (int i = 0; i < RENDERS; i++) {
                for (ExpositionFormatWriter writer : writers) {
                    writer.write(OutputStream.nullOutputStream(), registry.scrape());
                }
            }
        } catch (IOException | RuntimeException e) {
            // only a head start: a real scrape renders (and reports) the same way
        }
    }
}
