package dev.dockstat.cli.live;

import dev.dockstat.core.history.HistoryBatch;

/**
 * CPU history as a row of block characters, newest on the right. The scale is absolute (a full
 * block is one whole CPU, 100 %; more than that is drawn full), so bars compare across rows.
 */
public final class Sparkline {

    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    private static final double FULL = 100.0;

    private Sparkline() {}

    /** The last {@code width} CPU points of the batch, padded with spaces on the left. */
    public static String of(HistoryBatch points, int width) {
        int n = points == null ? 0 : points.size();
        float[] values = new float[Math.min(n, width)];
        for (int i = 0; i < values.length; i++) {
            values[i] = points.cpu(n - values.length + i);
        }
        return of(values, width);
    }

    /** The last {@code width} values, padded with spaces on the left. */
    public static String of(float[] values, int width) {
        return of(values, width, FULL);
    }

    /** The last {@code width} values on a scale where {@code full} is a full block, padded with spaces on the left. */
    public static String of(float[] values, int width, double full) {
        StringBuilder out = new StringBuilder(width);
        int shown = Math.min(values.length, width);
        out.repeat(' ', width - shown);
        for (int i = values.length - shown; i < values.length; i++) {
            out.append(bar(values[i], full));
        }
        return out.toString();
    }

    /**
     * All the values in at most {@code width} columns: each column the largest of its share of the
     * points (oldest first), so a short peak still shows when minutes are drawn in a few columns.
     */
    public static float[] fit(float[] values, int width) {
        if (values.length <= width || width <= 0) {
            return values;
        }
        float[] out = new float[width];
        for (int c = 0; c < width; c++) {
            int from = (int) ((long) c * values.length / width);
            int to = (int) ((long) (c + 1) * values.length / width);
            float max = values[from];
            for (int i = from + 1; i < to; i++) {
                max = Math.max(max, values[i]);
            }
            out[c] = max;
        }
        return out;
    }

    static char bar(double value) {
        return bar(value, FULL);
    }

    static char bar(double value, double full) {
        if (!(value > 0) || !(full > 0)) {
            return BARS[0];
        }
        int level = (int) Math.ceil(value / full * BARS.length) - 1;
        return BARS[Math.max(0, Math.min(BARS.length - 1, level))];
    }
}
