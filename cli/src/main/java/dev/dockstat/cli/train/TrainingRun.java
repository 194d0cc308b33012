package dev.dockstat.cli.train;

import dev.dockstat.cli.Dockstat;
import dev.dockstat.cli.live.DetailFrame;
import dev.dockstat.cli.live.IoRates;
import dev.dockstat.cli.live.LiveFrame;
import dev.dockstat.cli.live.Styles;
import dev.dockstat.cli.live.SortKey;
import dev.dockstat.cli.render.DiskUsageFormat;
import dev.dockstat.cli.render.EventFormat;
import dev.dockstat.cli.render.StatsRow;
import dev.dockstat.cli.render.StatsTable;
import dev.dockstat.cli.stats.Engines;
import dev.dockstat.cli.stats.StatsOnce;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.df.DiskUsage;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCollector;
import dev.dockstat.core.transport.TransportRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the build runs to record the AOT caches ({@code -XX:AOTCacheOutput}) on canned engine answers,
 * so no engine is needed and a run takes a fraction of a second. Prints nothing.
 *
 * <p>Two caches, because a JDK 25 AOT cache loads every class it holds at start-up: the start-up
 * one ({@code startupOnly}: command line parsing, version, help) for the quick commands, and the
 * full one (also the client, JSON, stats rounds, every renderer, the live view's frame) for the
 * commands that talk to an engine. The quick commands would otherwise pay for preloading some
 * 2,000 classes they never use.
 */
public final class TrainingRun {

    private TrainingRun() {}

    public static void run(Map<String, String> env, boolean startupOnly) throws IOException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"}, new String[] {"stats", "--help"},
                new String[] {"events", "--help"}, new String[] {"df", "--help"}, new String[] {"completion", "--help"},
                new String[] {"nope"})) {
            Dockstat.run(sink, sink, env, args);
        }
        if (startupOnly) {
            return;
        }
        TransportRegistry.load();

        Environment canned = new Environment("canned", Endpoint.of("unix:///canned.sock"));
        try (DockerClient client = new DockerClient(canned.endpoint(), new CannedEngine())) {
            Engines engines = Engines.of(List.of(new Engines.Engine(canned, client)));
            for (String format : new String[] {null, "json", "table {{.Name}}\t{{.CPUPerc}}"}) {
                StatsOnce.print(engines, List.of(), false, false, StatsTable.format(format, false), sink, sink);
            }
            List<StatsRow> rows = new ArrayList<>();
            try (StatsCollector collector = new StatsCollector(client)) {
                Round round = collector.collect(false, c -> true);
                round.stats().forEach(s -> rows.add(new StatsRow(s.id(), canned.name(), s, false)));
            }
            List<LiveFrame.Line> lines = rows.stream().map(r -> new LiveFrame.Line(r, new float[] {1f, 50f, 99f})).toList();
            new LiveFrame(lines, 1, SortKey.CPU, false, "12:00:00", List.of()).render(120, 30);
            if (!lines.isEmpty()) { // the live view's container screen too
                float[] points = {1f, 50f, 99f};
                new DetailFrame(lines.get(0), true, points, points, 3000,
                        new IoRates.Series(points, points, points, points, 3000), null, null, "12:00:00", List.of(), Styles.COLOR).render(120, 30);
            }

            DiskUsage du = client.diskUsage();
            DiskUsageFormat df = new DiskUsageFormat(Instant.now(), ZoneId.systemDefault());
            sink.print(df.summary(du, DiskUsageFormat.summaryFormat("table")));
            sink.print(df.verboseTables(du));
            sink.print(df.verboseJson(du));

            EventFormat pretty = EventFormat.parse(null, ZoneId.systemDefault());
            EventFormat json = EventFormat.parse("json", ZoneId.systemDefault());
            try (EventLines events = client.events(EventQuery.containers().since("0").until("1"))) {
                byte[] line;
                while ((line = events.next()) != null) {
                    sink.println(pretty.line(line));
                    sink.println(json.line(line));
                }
            }
        }
        sink.flush();
    }
}
