package dev.dockstat.exporter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a few scrapes, to nowhere, once the engines' first rounds are in: the JIT then compiles
 * the rendering, the gzip assembly and the client library's writers before Prometheus asks, so the
 * first real scrapes are as fast as the later ones (interpreted, a 60-container scrape took
 * 100-250 ms instead of 10-15 and set the scrape-duration p99 on its own). It does not count as
 * a scrape's demand: the rounds go on rendering only what real scrapes ask for.
 */
final class ExpositionWarmUp {

    /** Enough answers for the client compiler's invocation thresholds on a 60-container exposition. */
    private static final int RENDERS = 5;

    private ExpositionWarmUp() {}

    static void after(List<CompletableFuture<Void>> firstRounds, Exposition exposition) {
        CompletableFuture.allOf(firstRounds.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> answer(exposition), command -> Thread.ofVirtual().name("dockstat-warm-up").start(command));
    }

    private static void answer(Exposition exposition) {
        try {
            for (int i = 0; i < RENDERS; i++) {
                for (ExpositionFormat format : ExpositionFormat.values()) {
                    exposition.body(format, false).writeTo(OutputStream.nullOutputStream());
                    exposition.body(format, true).writeTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException | RuntimeException e) {
            // only a head start: a real scrape renders (and reports) the same way
        }
    }
}
