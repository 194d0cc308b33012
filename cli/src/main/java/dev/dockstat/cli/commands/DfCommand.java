package dev.dockstat.cli.commands;

import dev.dockstat.cli.UsageException;
import dev.dockstat.cli.render.DiskUsageFormat;
import dev.dockstat.cli.render.RowFormat;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.df.DiskUsage;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dockstat df}: the engine's disk usage as {@code docker system df} shows it. */
@Command(name = "df", mixinStandardHelpOptions = true,
        description = "Show the engine's disk usage: images, containers, local volumes, build cache (like docker system df).",
        footer = {"", "Examples:",
            "  dockstat df",
            "  dockstat df -v",
            "  dockstat df --format json",
            "  dockstat df --format '{{.Type}}: {{.Reclaimable}}'"})
public final class DfCommand extends EngineCommand {

    /** The four detail tables instead of the summary. */
    @Option(names = {"-v", "--verbose"}, description = "Show detailed information on space usage.")
    boolean verbose;

    /** table, json or a template (the summary); table or json with -v. */
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format output: 'table' (default), 'json', or a template over Type, TotalCount, Active, Size, Reclaimable (with -v: table or json).")
    String format;

    @Override
    public Integer call() throws Exception {
        String f = format == null || format.isEmpty() ? "table" : format;
        RowFormat summary = null;
        if (!verbose) {
            try {
                summary = DiskUsageFormat.summaryFormat(f);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        } else if (!f.equals("table") && !f.equals("json")) {
            throw new UsageException("--format: with -v only 'table' and 'json' are supported");
        }
        try (DockerClient client = connect(DockerClient.PING_TIMEOUT)) {
            DiskUsage du = client.diskUsage();
            DiskUsageFormat render = new DiskUsageFormat(Instant.now(), ZoneId.systemDefault());
            PrintWriter out = out();
            out.print(!verbose ? render.summary(du, summary) : f.equals("json") ? render.verboseJson(du) : render.verboseTables(du));
            out.flush();
        }
        return 0;
    }
}
