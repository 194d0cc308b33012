package dev.dockstat.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-terminated cells into columns the way the docker CLI's tabwriter does
 * ({@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}): a column is a block of consecutive lines
 * that have a cell in it, as wide as its widest cell plus 3 spaces and at least 10; the last cell
 * of a line (not ended by a tab) is not padded and does not count.
 */
public final class TabTable {

    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;

    private final StringBuilder text = new StringBuilder();

    /** Adds a line; cells are separated by tabs. */
    public TabTable add(String line) {
        text.append(line).append('\n');
        return this;
    }

    public String render() {
        return align(text.toString());
    }

    /** Text as the tabwriter writes it once flushed. */
    public static String align(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.split("\t", -1));
        }
        StringBuilder out = new StringBuilder();
        format(out, lines, new ArrayList<>(), 0, lines.size());
        return out.toString();
    }

    private static void format(StringBuilder out, List<String[]> lines, List<Integer> widths, int line0, int line1) {
        int column = widths.size();
        for (int i = line0; i < line1; i++) {
            if (column >= lines.get(i).length - 1) {
                continue;
            }
            // a cell in this column: write the lines before the block, then size the block
            writeLines(out, lines, widths, line0, i);
            line0 = i;
            int width = MIN_WIDTH;
            for (; i < line1; i++) {
                String[] cells = lines.get(i);
                if (column >= cells.length - 1) {
                    break;
                }
                width = Math.max(width, width(cells[column]) + PADDING);
            }
            widths.add(width);
            format(out, lines, widths, line0, i);
            widths.remove(widths.size() - 1);
            line0 = i;
            i--; // the loop's i++ would skip the line that ended the block
        }
        writeLines(out, lines, widths, line0, line1);
    }

    private static void writeLines(StringBuilder out, List<String[]> lines, List<Integer> widths, int from, int to) {
        for (int i = from; i < to; i++) {
            String[] cells = lines.get(i);
            for (int j = 0; j < cells.length; j++) {
                out.append(cells[j]);
                if (j < widths.size() && j < cells.length - 1) {
                    out.repeat(' ', widths.get(j) - width(cells[j]));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    /** Display width in code points (tabwriter counts UTF-8 runes). */
    static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
