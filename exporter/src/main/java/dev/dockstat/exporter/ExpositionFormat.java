package dev.dockstat.exporter;

/**
 * The two text formats a scrape can ask for, chosen the way the Prometheus client library chose
 * them before this exporter rendered its own lines: OpenMetrics when the Accept header names it
 * (Prometheus does, first), else the Prometheus text format 0.0.4. They differ in the family
 * headers (OpenMetrics has UNIT and names a counter family without {@code _total}), in the
 * sample timestamps (integer milliseconds against seconds with a fraction) and in the final
 * {@code # EOF}.
 */
enum ExpositionFormat {
    TEXT,
    OPENMETRICS;

    static ExpositionFormat negotiate(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
    }

    /**
     * A sample's timestamp: milliseconds in the text format (Prometheus and promtool reject the
     * fraction there), seconds with three decimals in OpenMetrics.
     */
    void appendTimestamp(StringBuilder line, long millis) {
        if (this == TEXT) {
            line.append(millis);
            return;
        }
        long ms = Math.floorMod(millis, 1000L);
        line.append(Math.floorDiv(millis, 1000L)).append('.');
        if (ms < 100) {
            line.append('0');
        }
        if (ms < 10) {
            line.append('0');
        }
        line.append(ms);
    }
}
