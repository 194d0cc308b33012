package dev.dockstat.cli.live;

import dev.dockstat.cli.render.StatsRow;
import dev.dockstat.core.model.StatsSample;
import java.util.Comparator;

/** What the live view sorts by, and the key that picks it. Figures sort largest first, names A to Z. */
public enum SortKey {
    CPU('c', "CPU %", Comparator.comparingDouble(r -> -r.stats().cpuOrZero())),
    MEM('m', "MEM USAGE / LIMIT", Comparator.comparingLong(r -> -r.stats().memUsed())),
    NAME('n', "NAME", Comparator.comparing(StatsRow::name)),
    NET('N', "NET I/O", Comparator.comparingLong(r -> -(sample(r).netRx() + sample(r).netTx()))),
    IO('i', "BLOCK I/O", Comparator.comparingLong(r -> -(sample(r).blkRead() + sample(r).blkWrite()))),
    PIDS('p', "PIDS", Comparator.comparingLong(r -> -sample(r).pids()));

    private final char key;
    private final String column;
    private final Comparator<StatsRow> order;

    SortKey(char key, String column, Comparator<StatsRow> order) {
        this.key = key;
        this.column = column;
        this.order = order;
    }

    public char key() {
        return key;
    }

    /** The header of the column this key sorts. */
    public String column() {
        return column;
    }

    /**
     * Rows in this order (reversed on request), rows without figures last either way, ties by
     * name so rows do not swap places between refreshes.
     */
    public Comparator<StatsRow> comparator(boolean reversed) {
        Comparator<StatsRow> valid = reversed ? order.reversed() : order;
        Comparator<StatsRow> withTies = valid.thenComparing(StatsRow::name).thenComparing(StatsRow::environment);
        return (a, b) -> {
            if (a.invalid() || b.invalid()) {
                return Boolean.compare(a.invalid(), b.invalid());
            }
            return withTies.compare(a, b);
        };
    }

    /** The sort a key picks, or null for any other key. */
    public static SortKey forKey(int c) {
        for (SortKey k : values()) {
            if (k.key == c) {
                return k;
            }
        }
        return null;
    }

    private static StatsSample sample(StatsRow r) {
        return r.stats().sample();
    }
}
