package dev.dockstat.cli.live;

import dev.dockstat.cli.render.StatsRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * One screen of the live view, as lines: a title, the docker stats columns plus a CPU sparkline,
 * sorted, fitted to the terminal's width and height, engine notices, and the keys. Pure: the same
 * rows and size give the same lines (the golden tests rely on it); the terminal is {@link LiveView}'s.
 *
 * <p>Fitting: columns are as wide as their widest cell plus three spaces (docker's table layout);
 * the sparkline takes the width left over (at least {@link #MIN_SPARK}, at most {@link #MAX_SPARK}).
 * When the columns alone are wider than the terminal, BLOCK I/O, NET I/O, PIDS, MEM %, CONTAINER ID
 * and ENV are dropped in that order until they fit; what still does not fit is cut at the right
 * edge. Rows that do not fit in the height end in a "… N more" line; the keys stay on the last line.
 *
 * @param lines one per container, any order
 * @param engines how many engines are watched; more than one adds an ENV column first
 * @param clock shown at the right of the title
 * @param notices engine failures and recoveries, newest last
 */
public record LiveFrame(List<Line> lines, int engines, SortKey sort, boolean reversed, String clock,
        List<String> notices) {

    /** A row and its CPU history, oldest first. */
    public record Line(StatsRow row, float[] cpuHistory) {}

    static final int GAP = 3;
    static final int MIN_SPARK = 8;
    static final int MAX_SPARK = 60;
    static final String SPARK_HEADER = "CPU HISTORY";
    static final String FOOTER = " q quit  c cpu  m mem  n name  N net  i block io  p pids  r reverse";

    private static final AttributedStyle TITLE = AttributedStyle.BOLD;
    private static final AttributedStyle HEADER = AttributedStyle.INVERSE;
    private static final AttributedStyle SORTED = AttributedStyle.INVERSE.bold().underline();
    private static final AttributedStyle SPARK = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle HOT = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
    private static final AttributedStyle WARM = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle STALE = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle KEY = AttributedStyle.INVERSE;

    public LiveFrame {
        lines = List.copyOf(lines);
        notices = List.copyOf(notices);
    }

    /** A column: its header, how a row fills it, and whether it may be dropped on a narrow screen (lower first). */
    private record Column(String header, Function<StatsRow, String> cell, int dropOrder) {}

    private List<Column> columns() {
        List<Column> cols = new ArrayList<>();
        if (withEnv()) {
            cols.add(new Column("ENV", StatsRow::environment, 6));
        }
        cols.add(new Column("CONTAINER ID", StatsRow::id, 5));
        cols.add(new Column("NAME", StatsRow::name, Integer.MAX_VALUE));
        cols.add(new Column("CPU %", StatsRow::cpuPerc, Integer.MAX_VALUE));
        cols.add(new Column(SPARK_HEADER, r -> "", 0));
        cols.add(new Column("MEM USAGE / LIMIT", StatsRow::memUsage, Integer.MAX_VALUE));
        cols.add(new Column("MEM %", StatsRow::memPerc, 4));
        cols.add(new Column("NET I/O", StatsRow::netIO, 2));
        cols.add(new Column("BLOCK I/O", StatsRow::blockIO, 1));
        cols.add(new Column("PIDS", StatsRow::pids, 3));
        return cols;
    }

    /** The screen for a terminal of this size: at most {@code height} lines, none wider than {@code width}. */
    public List<AttributedString> render(int width, int height) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort((a, b) -> sort.comparator(reversed).compare(a.row(), b.row()));

        List<Column> cols = columns();
        int[] widths = widths(cols, sorted, sort);
        int spark = fit(cols, widths, width);

        List<AttributedString> screen = new ArrayList<>();
        screen.add(title(width, sorted.size()));
        screen.add(header(cols, widths, spark, width));
        int footerLines = 1 + Math.min(notices.size(), 3);
        int room = Math.max(0, height - screen.size() - footerLines);
        boolean cut = sorted.size() > room;
        int shown = cut ? Math.max(0, room - 1) : sorted.size();
        for (int i = 0; i < shown; i++) {
            screen.add(row(cols, widths, spark, sorted.get(i), width));
        }
        if (cut && room > 0) {
            screen.add(new AttributedString(clip("… " + (sorted.size() - shown) + " more (a taller terminal shows them)", width), STALE));
        }
        for (String notice : notices.subList(Math.max(0, notices.size() - 3), notices.size())) {
            screen.add(new AttributedString(clip(notice, width), NOTICE));
        }
        screen.add(footer(width));
        return screen.size() > height ? screen.subList(0, Math.max(0, height)) : screen;
    }

    private static int[] widths(List<Column> cols, List<Line> rows, SortKey sort) {
        int[] widths = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            String header = cols.get(c).header();
            int w = header.length() + (header.equals(sort.column()) ? 2 : 0); // room for the sort arrow
            for (Line line : rows) {
                w = Math.max(w, length(cols.get(c).cell().apply(line.row())));
            }
            widths[c] = w;
        }
        return widths;
    }

    /**
     * Drops columns (width -1) until the fixed ones fit, and returns the sparkline width (0 = none).
     */
    private static int fit(List<Column> cols, int[] widths, int width) {
        int sparkIndex = indexOf(cols, SPARK_HEADER);
        widths[sparkIndex] = -1;
        while (true) {
            int fixed = 0;
            for (int c = 0; c < cols.size(); c++) {
                if (widths[c] >= 0) {
                    fixed += widths[c] + GAP;
                }
            }
            fixed -= GAP; // no gap after the last column
            int left = width - fixed - GAP;
            if (left >= MIN_SPARK) {
                widths[sparkIndex] = Math.min(left, MAX_SPARK);
                return widths[sparkIndex];
            }
            if (fixed <= width) {
                return 0;
            }
            int drop = -1;
            for (int c = 0; c < cols.size(); c++) {
                if (widths[c] >= 0 && c != sparkIndex && cols.get(c).dropOrder() != Integer.MAX_VALUE
                        && (drop < 0 || cols.get(c).dropOrder() < cols.get(drop).dropOrder())) {
                    drop = c;
                }
            }
            if (drop < 0) {
                return 0; // only the essential columns are left: cut at the edge
            }
            widths[drop] = -1;
        }
    }

    private AttributedString title(int width, int containers) {
        String left = " dockstat stats · " + containers + (containers == 1 ? " container" : " containers")
                + (withEnv() ? " on " + engines + " engines" : "")
                + " · sorted by " + sort.column() + (reversed ? " (reversed)" : "");
        int pad = width - length(left) - length(clock) - 1;
        String text = pad >= 1 ? left + " ".repeat(pad) + clock + " " : left;
        return new AttributedString(clip(text, width), TITLE);
    }

    private boolean withEnv() {
        return engines > 1;
    }

    private AttributedString header(List<Column> cols, int[] widths, int spark, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        int last = lastShown(widths);
        String arrow = (sort == SortKey.NAME) != reversed ? " ▲" : " ▼";
        for (int c = 0; c < cols.size(); c++) {
            if (widths[c] < 0) {
                continue;
            }
            String text = cols.get(c).header();
            boolean sortedColumn = text.equals(sort.column());
            if (sortedColumn) {
                text += arrow;
            }
            b.style(sortedColumn ? SORTED : HEADER).append(text);
            b.style(HEADER);
            if (c != last) {
                b.append(" ".repeat(widths[c] - length(text) + GAP));
            }
        }
        b.style(HEADER);
        if (b.columnLength() < width) {
            b.append(" ".repeat(width - b.columnLength())); // the header bar spans the screen
        }
        return b.toAttributedString().columnSubSequence(0, width);
    }

    private AttributedString row(List<Column> cols, int[] widths, int spark, Line line, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        StatsRow row = line.row();
        int last = lastShown(widths);
        for (int c = 0; c < cols.size(); c++) {
            if (widths[c] < 0) {
                continue;
            }
            Column col = cols.get(c);
            String text;
            AttributedStyle style;
            if (col.header().equals(SPARK_HEADER)) {
                text = Sparkline.of(line.cpuHistory() == null ? new float[0] : line.cpuHistory(), spark);
                style = SPARK;
            } else {
                text = col.cell().apply(row);
                style = row.invalid() ? STALE : col.header().equals("CPU %") ? heat(row) : AttributedStyle.DEFAULT;
            }
            b.style(style).append(text).style(AttributedStyle.DEFAULT);
            if (c != last) {
                b.append(" ".repeat(Math.max(0, widths[c] - length(text)) + GAP));
            }
        }
        return b.toAttributedString().columnSubSequence(0, width);
    }

    private static AttributedStyle heat(StatsRow row) {
        double cpu = row.stats().cpuOrZero();
        return cpu >= 80 ? HOT : cpu >= 50 ? WARM : AttributedStyle.DEFAULT;
    }

    private static AttributedString footer(int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (String part : FOOTER.strip().split("  ")) {
            int space = part.indexOf(' ');
            b.append(" ").style(KEY).append(part.substring(0, space)).style(AttributedStyle.DEFAULT)
                    .append(part.substring(space)).append(" ");
        }
        return b.toAttributedString().columnSubSequence(0, width);
    }

    private static int lastShown(int[] widths) {
        for (int c = widths.length - 1; c >= 0; c--) {
            if (widths[c] >= 0) {
                return c;
            }
        }
        return -1;
    }

    private static int indexOf(List<Column> cols, String header) {
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).header().equals(header)) {
                return c;
            }
        }
        throw new IllegalStateException(header);
    }

    private static String clip(String s, int width) {
        return length(s) <= width ? s : s.substring(0, s.offsetByCodePoints(0, Math.max(0, width)));
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
