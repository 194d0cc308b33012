package dev.dockstat.cli.render;

import java.util.ArrayList;
import java.util.List;

/** Renders stats rows in a {@link RowFormat}, as {@code docker stats} prints them. */
public final class StatsTable {

    public static final String DEFAULT_TABLE =
            "{{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
    /** The docker fields, without dockstat's Env. */
    public static final List<String> DOCKER_FIELDS =
            List.of("Container", "Name", "ID", "CPUPerc", "MemUsage", "MemPerc", "NetIO", "BlockIO", "PIDs");

    /** The docker CLI's Go type of a stats row, as its template errors name it. */
    static final String ROW_TYPE = "*container.statsContext";

    private StatsTable() {}

    /** Parses a --format for stats; with several engines the default table starts with ENV. */
    public static RowFormat format(String format, boolean withEnv) {
        return RowFormat.parse(format, withEnv ? "{{.Env}}\t" + DEFAULT_TABLE : DEFAULT_TABLE, fields(withEnv), ROW_TYPE);
    }

    private static List<String> fields(boolean withEnv) {
        if (!withEnv) {
            return DOCKER_FIELDS;
        }
        List<String> f = new ArrayList<>(DOCKER_FIELDS);
        f.add("Env");
        return f;
    }

    /** The whole output for one refresh: header and aligned columns for tables, one line per row otherwise. */
    public static String render(List<StatsRow> rows, RowFormat format, boolean withEnv) {
        List<String> fields = fields(withEnv);
        StringBuilder out = new StringBuilder();
        if (format.isTable()) {
            out.append(format.header(StatsRow.HEADERS)).append('\n');
        }
        rows.forEach(r -> out.append(format.row(r::field, fields)).append('\n'));
        return format.isTable() ? TabTable.align(out.toString()) : out.toString();
    }
}
