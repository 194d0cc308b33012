package dev.dockstat.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated cells into columns the way the docker CLI's tabwriter does
 * ({@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}): each column as wide as its widest cell plus
 * 3 spaces, at least 10; the last cell of a line is not padded.
 */
public final class TabTable {

    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;

    private final List<String[]> lines = new ArrayList<>();

    /** Adds a line; cells are split on tabs. */
    public TabTable add(String line) {
        lines.add(line.split("\t", -1));
        return this;
    }

    public String render() {
        int columns = lines.stream().mapToInt(l -> l.length - 1).max().orElse(0);
        int[] widths = new int[Math.max(columns, 0)];
        for (String[] cells : lines) {
            for (int c = 0; c < cells.length - 1; c++) {
                widths[c] = Math.max(widths[c], Math.max(MIN_WIDTH, width(cells[c]) + PADDING));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] cells : lines) {
            for (int c = 0; c < cells.length; c++) {
                out.append(cells[c]);
                if (c < cells.length - 1) {
                    out.repeat(' ', widths[c] - width(cells[c]));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Display width in code points (tabwriter counts UTF-8 runes). */
    static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
