package dev.dockstat.exporter;

/**
 * What scrapes have asked for so far (formats, gzip), which the engines' rounds then render
 * ahead: most deployments are scraped by one Prometheus in one format, and nothing else needs
 * rendering. Set by scrapes, read by the rounds' threads; a flag once set stays.
 */
final class ScrapeDemand {

    private volatile boolean text;
    private volatile boolean openMetrics;
    private volatile boolean gzip;

    void asked(ExpositionFormat format, boolean gzipped) {
        if (format == ExpositionFormat.TEXT) {
            text = true;
        } else {
            openMetrics = true;
        }
        if (gzipped) {
            gzip = true;
        }
    }

    boolean wants(ExpositionFormat format) {
        return format == ExpositionFormat.TEXT ? text : openMetrics;
    }

    boolean wantsGzip() {
        return gzip;
    }
}
