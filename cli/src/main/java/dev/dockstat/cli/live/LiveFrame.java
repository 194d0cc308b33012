package dev.dockstat.cli.live;

import dev.dockstat.cli.render.StatsRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * One screen of the live view's list, as lines: a title, the docker stats columns plus a CPU
 * sparkline, filtered and sorted, fitted to the terminal's width and height, the selected row
 * marked, engine notices, and the keys. Pure: the same rows, choices ({@link Look}) and size give
 * the same lines (the golden tests rely on it); the terminal is {@link LiveView}'s.
 *
 * <p>Fitting: columns are as wide as their widest cell plus three spaces (docker's table layout);
 * the sparkline takes the width left over (at least {@link #MIN_SPARK}, at most {@link #MAX_SPARK}).
 * When the columns alone are wider than the terminal, BLOCK I/O, NET I/O, PIDS, MEM %, CONTAINER ID
 * and ENV are dropped in that order until they fit; what still does not fit is cut at the right
 * edge. Rows that do not fit in the height are scrolled to ({@link Look#top()}), and a line says
 * which rows are shown; the keys stay on the last line.
 *
 * @param lines one per container, any order, stopped ones and those the filter hides included
 * @param engines how many engines are watched; more than one adds an ENV column first
 * @param look what the user chose: sort, filter, stopped shown, scroll position, selection
 * @param clock shown at the right of the title
 * @param notices engine failures and recoveries, newest last
 */
public record LiveFrame(List<Line> lines, int engines, Look look, String clock, List<String> notices, Styles styles) {

    /** A row and its CPU history, oldest first. */
    public record Line(StatsRow row, float[] cpuHistory) {

        /** The container across refreshes: engine and full ID (what was typed, for a row without figures). */
        public String key() {
            return row.environment() + "/" + (row.invalid() ? row.container() : row.stats().id());
        }

        /** A stopped container: listed, but its reading is all zero. */
        public boolean stopped() {
            return !row.invalid() && row.stats().sample().empty();
        }

        /** Whether the name or the ID contains {@code filter}, ignoring case; an empty filter matches all. */
        public boolean matches(String filter) {
            if (filter.isEmpty()) {
                return true;
            }
            String f = filter.toLowerCase(Locale.ROOT);
            String id = row.invalid() ? row.container() : row.stats().id();
            return row.name().toLowerCase(Locale.ROOT).contains(f) || id.toLowerCase(Locale.ROOT).contains(f);
        }
    }

    /**
     * What the user chose (a snapshot of {@link LiveState}).
     *
     * @param showAll stopped containers shown
     * @param filter typed after {@code /}; empty = none
     * @param editing the filter is being typed
     * @param top the first row shown, counted in the filtered and sorted rows
     * @param selected the selected row's {@link Line#key()}, null for none
     */
    public record Look(SortKey sort, boolean reversed, boolean showAll, String filter, boolean editing, int top, String selected) {
        public static Look of(SortKey sort, boolean reversed) {
            return new Look(sort, reversed, true, "", false, 0, null);
        }
    }

    static final int GAP = 3;
    static final int MAX_SPARK = 60;
    static final String SPARK_HEADER = "CPU HISTORY";
    /** The sparkline's narrowest: its header's width. */
    static final int MIN_SPARK = SPARK_HEADER.length();
    static final String GUTTER = " ";
    static final String MARK = ">";
    static final String KEYS = "q quit  ↑↓ move  Enter open  / filter  a stopped  c cpu  m mem  n name  N net  i block io  p pids  r reverse";
    static final String KEYS_SHORT = "q quit  ↑↓ move  Enter open  / filter  a stopped  c/m/n/N/i/p sort  r reverse";
    static final String FILTER_KEYS = "Enter keep  Esc clear";
    /** Lines that are not rows: title and header above; notices (at most this many) and the keys below. */
    static final int MAX_NOTICES = 3;

    public LiveFrame {
        lines = List.copyOf(lines);
        notices = List.copyOf(notices);
    }

    /** All rows, in the given sort, with colour: the screen before the view was navigable. */
    public LiveFrame(List<Line> lines, int engines, SortKey sort, boolean reversed, String clock, List<String> notices) {
        this(lines, engines, Look.of(sort, reversed), clock, notices, Styles.COLOR);
    }

    /** The rows the look shows, in its order: stopped ones only with {@code showAll}, only those matching the filter. */
    public static List<Line> visible(List<Line> lines, Look look) {
        List<Line> shown = new ArrayList<>();
        for (Line line : lines) {
            if ((look.showAll() || !line.stopped()) && line.matches(look.filter())) {
                shown.add(line);
            }
        }
        shown.sort((a, b) -> look.sort().comparator(look.reversed()).compare(a.row(), b.row()));
        return shown;
    }

    /** How many of {@code count} rows a screen {@code height} tall shows (one line less when it must say which). */
    public static int rowsFitting(int count, int height, int notices) {
        int room = Math.max(0, height - 2 - 1 - Math.min(notices, MAX_NOTICES));
        return count > room ? Math.max(0, room - 1) : room;
    }

    /** A bar of this width that says what is shown, for a cut list: which rows, how many above and below. */
    static String position(int top, int shown, int count) {
        String where = "rows " + (top + 1) + "-" + (top + shown) + " of " + count;
        int above = top;
        int below = count - top - shown;
        return " " + where + (above > 0 ? " · " + above + " above" : "") + (below > 0 ? " · " + below + " below" : "")
                + " (↑↓ PgUp PgDn Home End)";
    }

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

    /** A column: its header, how a row fills it, and whether it may be dropped on a narrow screen (lower first). */
    private record Column(String header, Function<StatsRow, String> cell, int dropOrder) {}

    /** The screen for a terminal of this size: at most {@code height} lines, none wider than {@code width}. */
    public List<AttributedString> render(int width, int height) {
        List<Line> sorted = visible(lines, look);
        SortKey sort = look.sort();

        List<Column> cols = columns();
        int[] widths = widths(cols, sorted, sort);
        int spark = fit(cols, widths, width - GUTTER.length());

        List<AttributedString> screen = new ArrayList<>();
        screen.add(title(width, sorted));
        screen.add(header(cols, widths, width));
        int rows = rowsFitting(sorted.size(), height, notices.size());
        int top = Math.max(0, Math.min(look.top(), sorted.size() - rows));
        int shown = Math.min(rows, sorted.size() - top);
        for (int i = top; i < top + shown; i++) {
            Line line = sorted.get(i);
            screen.add(row(cols, widths, spark, line, width, line.key().equals(look.selected())));
        }
        if (shown < sorted.size()) {
            screen.add(new AttributedString(clip(position(top, shown, sorted.size()), width), styles.stale()));
        } else if (sorted.isEmpty() && !look.filter().isEmpty()) {
            screen.add(new AttributedString(clip(" no container matches \"" + look.filter() + "\" (Esc clears the filter)", width), styles.stale()));
        }
        for (String notice : notices.subList(Math.max(0, notices.size() - MAX_NOTICES), notices.size())) {
            screen.add(new AttributedString(clip(notice, width), styles.notice()));
        }
        screen.add(look.editing() ? filterLine(width) : keys(width, styles, width >= KEYS.length() + 2 ? KEYS : KEYS_SHORT));
        List<AttributedString> fitted = screen.size() > height ? screen.subList(0, Math.max(0, height)) : screen;
        return styles.plain() ? fitted.stream().map(this::trimPlain).toList() : fitted;
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

    private AttributedString title(int width, List<Line> shown) {
        long stopped = lines.stream().filter(Line::stopped).count();
        long listed = look.showAll() ? lines.size() : lines.size() - stopped;
        String count = look.filter().isEmpty()
                ? shown.size() + (shown.size() == 1 ? " container" : " containers")
                : shown.size() + " of " + listed + " match \"" + look.filter() + "\"";
        String left = " dockstat stats · " + count
                + (withEnv() ? " on " + engines + " engines" : "")
                + (look.showAll() ? stopped > 0 ? " · " + stopped + " stopped shown" : "" : stopped > 0 ? " · " + stopped + " stopped hidden" : "")
                + " · sorted by " + look.sort().column() + (look.reversed() ? " (reversed)" : "");
        int pad = width - length(left) - length(clock) - 1;
        String text = pad >= 1 ? left + " ".repeat(pad) + clock + " " : left;
        return new AttributedString(clip(text, width), styles.title());
    }

    private boolean withEnv() {
        return engines > 1;
    }

    private AttributedString header(List<Column> cols, int[] widths, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        int last = lastShown(widths);
        String arrow = (look.sort() == SortKey.NAME) != look.reversed() ? " ▲" : " ▼";
        b.style(styles.header()).append(GUTTER);
        for (int c = 0; c < cols.size(); c++) {
            if (widths[c] < 0) {
                continue;
            }
            String text = cols.get(c).header();
            boolean sortedColumn = text.equals(look.sort().column());
            if (sortedColumn) {
                text += arrow;
            }
            b.style(sortedColumn ? styles.sorted() : styles.header()).append(text);
            b.style(styles.header());
            if (c != last) {
                b.append(" ".repeat(widths[c] - length(text) + GAP));
            }
        }
        b.style(styles.header());
        if (b.columnLength() < width) {
            b.append(" ".repeat(width - b.columnLength())); // the header bar spans the screen
        }
        return b.toAttributedString().columnSubSequence(0, width);
    }

    private AttributedString row(List<Column> cols, int[] widths, int spark, Line line, int width, boolean selected) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        StatsRow row = line.row();
        int last = lastShown(widths);
        AttributedStyle base = selected ? styles.selected() : AttributedStyle.DEFAULT;
        b.style(base).append(selected ? MARK : GUTTER);
        for (int c = 0; c < cols.size(); c++) {
            if (widths[c] < 0) {
                continue;
            }
            Column col = cols.get(c);
            String text;
            AttributedStyle style;
            if (col.header().equals(SPARK_HEADER)) {
                text = Sparkline.of(line.cpuHistory() == null ? new float[0] : line.cpuHistory(), spark);
                style = styles.spark();
            } else {
                text = col.cell().apply(row);
                style = row.invalid() || line.stopped() ? styles.stale() : col.header().equals("CPU %") ? heat(row) : AttributedStyle.DEFAULT;
            }
            b.style(selected ? base : style).append(text).style(base);
            if (c != last) {
                b.append(" ".repeat(Math.max(0, widths[c] - length(text)) + GAP));
            }
        }
        if (selected && b.columnLength() < width) {
            b.append(" ".repeat(width - b.columnLength())); // the selection bar spans the screen
        }
        return b.toAttributedString().columnSubSequence(0, width);
    }

    private AttributedStyle heat(StatsRow row) {
        double cpu = row.stats().cpuOrZero();
        return cpu >= 80 ? styles.hot() : cpu >= 50 ? styles.warm() : AttributedStyle.DEFAULT;
    }

    /** Without attributes a bar is just spaces: trailing ones carry nothing, so a plain screen ends its lines where the text does. */
    private AttributedString trimPlain(AttributedString line) {
        if (!styles.plain()) {
            return line;
        }
        String text = line.toString().stripTrailing();
        return new AttributedString(text);
    }

    /** The keys line: each key marked, then what it does. */
    static AttributedString keys(int width, Styles styles, String keys) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (String part : keys.strip().split("  ")) {
            int space = part.indexOf(' ');
            b.append(" ").style(styles.key()).append(part.substring(0, space)).style(AttributedStyle.DEFAULT)
                    .append(part.substring(space)).append(" ");
        }
        return b.toAttributedString().columnSubSequence(0, width);
    }

    private AttributedString filterLine(int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(" ").style(styles.key()).append("/").style(AttributedStyle.DEFAULT).append(" filter: ").append(look.filter())
                .append("_   ");
        b.append(keys(Math.max(0, width - b.columnLength()), styles, FILTER_KEYS));
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
