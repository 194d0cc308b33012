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
        StringBuilder out = new StringBuilder(width);
        int shown = Math.min(values.length, width);
        out.repeat(' ', width - shown);
        for (int i = values.length - shown; i < values.length; i++) {
            out.append(bar(values[i]));
        }
        return out.toString();
    }

    static char bar(double value) {
        if (!(value > 0)) {
            return BARS[0];
        }
        int level = (int) Math.ceil(value / FULL * BARS.length) - 1;
        return BARS[Math.max(0, Math.min(BARS.length - 1, level))];
    }
}
